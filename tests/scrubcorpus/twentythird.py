"""The twenty-third held-back scrub corpus.

Its twelve settings: security tooling output (nmap, hydra, sqlmap, Burp exports, gitleaks and trufflehog
reports, hashcat potfiles, Metasploit sessions); mail client dotfiles (muttrc, msmtprc, mbsync, offlineimap,
fetchmail, Thunderbird's prefs.js, Emacs's .authinfo); IDE and editor configuration (JetBrains data sources
and workspaces, VS Code settings and launch.json, REST client .http files, Neovim plugin configs); the CLIs
of smaller cloud providers (OCI, Linode, Hetzner, Vultr, Scaleway, IBM Cloud, doctl); social media APIs
(X, Reddit's PRAW, Mastodon, Bluesky, Instagram Graph, YouTube Data); vector databases and LLM providers
beyond OpenAI (Pinecone, Weaviate, Qdrant, Cohere, Mistral, Groq, ElevenLabs, Together); cross-browser
testing clouds (BrowserStack, Sauce Labs, LambdaTest, their tunnels and capabilities); healthcare interfaces
(HL7 v2, FHIR bundles, SMART on FHIR, Mirth channels); identity verification and KYC (Onfido, Jumio,
passport MRZ lines, driver's licence records, verification webhooks); payment gateways other than Stripe
(Adyen, Braintree, PayPal, Razorpay, Mollie, Paddle); infrastructure-as-code state (Terraform, Pulumi, CDK,
Crossplane); and Kubernetes GitOps and meshes (Argo CD, Flux, sealed-secrets, external-secrets, Istio,
cert-manager).

Labels follow the scrubber's published policy alone: what it says goes is a `Secret`, what it says stays
(and look-alikes that hold nothing) is a `Keep`, and what it leaves open is not labelled. Every fake is drawn
at build time from a seeded `random.Random` and is valid for its format where the format has a check (CRC32
tokens, Luhn, IBAN mod 97, SSN ranges, JWTs, PEM and OpenSSH layouts, BIP-39 checksums). Each document is
delivered one of six ways (plain, a JSON transcript line, a diff's added lines, numbered lines, CI log lines,
a Markdown fence) and labelled as delivered. `measure_documents` reports aggregates only, never a value.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import random
import re
import string
import zlib
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import attrs

DEFAULT_SEED = 20261223

T = TypeVar("T")


@attrs.frozen
class Secret:
    """A value the policy says goes, as it stands in the delivered text."""

    cls: str
    text: str
    offset: int


@attrs.frozen
class Keep:
    """A value the policy says stays (or a look-alike holding nothing), as delivered."""

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
    "security-tooling",
    "mail-dotfiles",
    "ide-config",
    "small-cloud-cli",
    "social-api",
    "vector-llm",
    "browser-clouds",
    "healthcare",
    "kyc",
    "payments",
    "iac-state",
    "gitops-mesh",
)

DELIVERIES = ("plain", "json", "diff", "numbered", "cilog", "fence")

# Vendor prefixes are assembled from pieces so that no token-shaped literal stands in the source.
VENDOR_PREFIXES: dict[str, tuple[str, ...]] = {
    "github-token": ("gh" + "p_", "gh" + "o_"),
    "npm-token": ("np" + "m_",),
    "gitlab-token": ("gl" + "pat-",),
    "slack-token": ("xo" + "xb-",),
    "openai-key": ("sk" + "-proj-",),
    "anthropic-key": ("sk" + "-ant-api03-",),
    "groq-key": ("gs" + "k_",),
    "huggingface-token": ("h" + "f_",),
    "digitalocean-token": ("do" + "p_v1_",),
    "pinecone-key": ("pc" + "sk_",),
    "google-api-key": ("AI" + "za",),
    "google-client-secret": ("GOC" + "SPX-",),
    "google-refresh-token": ("1/" + "/0",),
    "aws-access-key": ("AK" + "IA",),
    "vault-token": ("hv" + "s.",),
    "pulumi-token": ("pu" + "l-",),
    "elevenlabs-key": ("s" + "k_",),
    "together-key": ("tg" + "p_v1_",),
    "mollie-key": ("li" + "ve_", "te" + "st_"),
    "braintree-token": ("access_token" + "$production$",),
    "facebook-token": ("EA" + "A",),
    "instagram-token": ("IG" + "QVJ",),
    "onfido-token": ("api" + "_live.",),
    "paddle-key": ("pdl" + "_live_apikey_",),
    "sendgrid-key": ("S" + "G.",),
    "adyen-key": ("AQ" + "E",),
    "paypal-token": ("A2" + "1AA",),
    "twitter-bearer": ("A" * 22,),
}
VENDOR_CLASSES: frozenset[str] = frozenset(VENDOR_PREFIXES)

OTHER_CLASSES = frozenset(
    {
        "password",
        "email",
        "person-name",
        "ip-address",
        "jwt",
        "private-key",
        "credential",
        "card-number",
        "iban",
        "ssn",
        "api-key",
        "client-secret",
        "token",
        "secret",
        "aws-secret-key",
        "basic-auth",
        "session-cookie",
        "recovery-phrase",
        "webhook-secret",
        "secret-data",
        "terraform-token",
    }
)
CLASSES: frozenset[str] = VENDOR_CLASSES | OTHER_CLASSES

B62 = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
LOWER_ALNUM = string.ascii_lowercase + string.digits
UPPER_ALNUM = string.ascii_uppercase + string.digits
B64URL = B62 + "-_"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# The first 128 words of the BIP-39 English list (indices 0-127).
BIP39_HEAD: tuple[str, ...] = _words(
    "abandon ability able about above absent absorb abstract absurd abuse access accident account accuse "
    "achieve acid acoustic acquire across act action actor actress actual adapt add addict address adjust "
    "admit adult advance advice aerobic affair afford afraid again age agent agree ahead aim air airport "
    "aisle alarm album alcohol alert alien all alley allow almost alone alpha already also alter always "
    "amateur amazing among amount amused analyst anchor ancient anger angle angry animal ankle announce "
    "annual another answer antenna antique anxiety any apart apology appear apple approve april arch "
    "arctic area arena argue arm armed armor army around arrange arrest arrive arrow art artefact artist "
    "artwork ask aspect assault asset assist assume asthma athlete atom attack attend attitude attract "
    "auction audit august aunt author auto autumn average avocado"
)

FIRST_NAMES = _words(
    "Anneliese Bartholomew Cordelia Desmond Evangeline Fitzgerald Gwendolyn Horatio Isadora Jasper "
    "Katarina Leopold Marisol Nathaniel Ophelia Percival Quentin Rosalind Sebastian Theodora Ulrich "
    "Valentina Wilhelmina Xavier Yolanda Zacharias Beatrix Cornelius Dorothea Emmerich Florentina Gideon "
    "Henrietta Ignatius Josefina Lysander Marguerite Octavian Philippa Roderick"
)
LAST_NAMES = _words(
    "Abernathy Blackwood Castellano Drummond Eriksdottir Fairweather Galloway Hargreaves Ingebrigtsen "
    "Jablonski Kowalczyk Lindqvist Montgomery Northcott Okonkwo Pemberton Quarrington Rasmussen Szymanski "
    "Thistlewood Underhill Vandermeer Whitcombe Yarborough Zielinski Ashworth Brannigan Cavendish "
    "Delacroix Ellingsen Fitzwilliam Grimaldi Holloway Iversen Kettering Lockhart Merriweather Nakamura "
    "Oyelaran Prendergast"
)
MAIL_DOMAINS = (
    "quillmark.io",
    "fernhollow.net",
    "brightkiln.dev",
    "northwyre.co",
    "tallowgate.org",
    "cobaltmere.app",
    "emberlyne.eu",
    "saltmarsh-labs.com",
    "harrowfield.health",
    "veridoc-kyc.io",
)
WORDS = _words(
    "lilac mango harbor velvet quartz juniper cobalt meadow falcon ember saffron lantern copper thistle "
    "orchid prairie tundra walnut basil cinder marble otter pepper raven sierra tulip willow zephyr"
)


def _b62_encode(value: int, width: int) -> str:
    """Base62 with the digits first, as GitHub's token checksum is written."""
    alphabet = string.digits + string.ascii_uppercase + string.ascii_lowercase
    out = ""
    while value:
        value, rem = divmod(value, 62)
        out = alphabet[rem] + out
    return out.rjust(width, "0")


def crc_token_ok(token: str, prefix: str) -> bool:
    """A GitHub/npm token: prefix, 30 base62 characters and their CRC32 as 6 base62 characters."""
    if not token.startswith(prefix):
        return False
    body = token[len(prefix) :]
    if len(body) != 36 or any(c not in B62 for c in body):
        return False
    return _b62_encode(zlib.crc32(body[:30].encode()), 6) == body[30:]


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


_IBAN_LENGTHS = {"DE": 22, "NL": 18, "GB": 22, "AT": 20, "BE": 16}


def iban_ok(iban: str) -> bool:
    """A registry country's length and the mod-97 check (groups of four allowed)."""
    compact = iban.replace(" ", "")
    if len(compact) < 4 or _IBAN_LENGTHS.get(compact[:2]) != len(compact) or not compact.isalnum():
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def ssn_ok(ssn: str) -> bool:
    """An SSN in the issued ranges: area not 000, 666 or 9xx; group not 00; serial not 0000."""
    if not re.fullmatch(r"\d{3}-\d{2}-\d{4}|\d{9}", ssn):
        return False
    compact = ssn.replace("-", "")
    area, group, serial = compact[:3], compact[3:5], compact[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def bip39_ok(phrase: str) -> bool:
    """A BIP-39 phrase drawn from the list's first 128 words whose checksum holds."""
    words = phrase.split()
    if len(words) not in (12, 15, 18, 21, 24) or any(w not in BIP39_HEAD for w in words):
        return False
    bits = "".join(format(BIP39_HEAD.index(w), "011b") for w in words)
    cs_len = len(words) * 11 // 33
    entropy = int(bits[:-cs_len], 2).to_bytes(len(bits[:-cs_len]) // 8, "big")
    want = format(hashlib.sha256(entropy).digest()[0], "08b")[:cs_len]
    return bits[-cs_len:] == want


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jesc(value: str) -> str:
    """A value as it stands inside a JSON string."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


class Gen:
    """Draws fakes from one seeded generator and records the labels of the document being written."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.secrets: dict[str, str] = {}
        self.keeps: list[str] = []
        self.path = "output.txt"
        self.lang = "text"
        self.turn = 0

    def reset(self) -> None:
        self.secrets = {}
        self.keeps = []
        self.path = "output.txt"
        self.lang = "text"

    # labels -----------------------------------------------------------------------------------------
    def s(self, cls: str, value: str) -> str:
        """Record a secret and hand its text back for the document."""
        assert cls in CLASSES, cls
        prev = self.secrets.setdefault(value, cls)
        assert prev == cls, (value, prev, cls)
        return value

    def k(self, value: str) -> str:
        """Record a keep and hand its text back."""
        if value not in self.keeps:
            self.keeps.append(value)
        return value

    # draws ------------------------------------------------------------------------------------------
    def cycle(self, options: Sequence[T]) -> T:
        """The option for this kind's turn, so that every option is written in turn."""
        return options[self.turn % len(options)]

    def pick(self, options: Sequence[T]) -> T:
        return self.rng.choice(options)

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def mixed(self, alphabet: str, n: int) -> str:
        """A run holding at least one letter and one digit, as generated tokens do."""
        while True:
            out = self.chars(alphabet, n)
            digit = any(c.isdigit() for c in out) or not any(c.isdigit() for c in alphabet)
            letter = any(c.isalpha() for c in out) or not any(c.isalpha() for c in alphabet)
            if digit and letter and len(set(out)) >= min(5, n):
                return out

    def num(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def hexs(self, n: int) -> str:
        return self.mixed(HEX, n)

    def uuid(self) -> str:
        h = self.hexs(32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.pick('89ab')}{h[17:20]}-{h[20:]}"

    def sha(self) -> str:
        return self.hexs(40)

    def first(self) -> str:
        return self.pick(FIRST_NAMES)

    def last(self) -> str:
        return self.pick(LAST_NAMES)

    def person(self) -> tuple[str, str]:
        return self.first(), self.last()

    def full(self) -> str:
        f, la = self.person()
        return f"{f} {la}"

    def domain(self) -> str:
        return self.pick(MAIL_DOMAINS)

    def email_for(self, first: str, last: str, domain: str | None = None) -> str:
        dom = domain or self.domain()
        local = self.pick(
            [f"{first}.{last}", f"{first[0]}{last}", f"{first}{self.num(2, 99)}", f"{last}.{first[0]}"]
        )
        return f"{local.lower()}@{dom}"

    def email(self) -> str:
        return self.email_for(*self.person())

    def user(self) -> str:
        f, la = self.person()
        return self.pick(
            [f"{f[0]}{la}".lower(), f"{f.lower()}_{self.num(1, 99)}", f"{la.lower()}{f[0].lower()}"]
        )

    def password(self, symbols: str = "!#+-_.^*~") -> str:
        """A password of one of the shapes people and generators use."""
        shape = self.num(0, 3)
        if shape == 0:
            out = self.mixed(B62 + symbols, self.num(14, 22))
        elif shape == 1:
            out = f"{self.pick(WORDS)}.{self.pick(WORDS)}{self.num(100, 9999)}"
        elif shape == 2:
            out = f"{self.pick(WORDS).title()}-{self.pick(WORDS).title()}-{self.num(10, 99)}{self.pick(symbols)}"
        else:
            out = self.mixed(B62, 10) + self.pick(symbols) + self.mixed(B62, 6)
        if len(set(out)) < 5:
            return self.password(symbols)
        return out

    def url_password(self) -> str:
        return self.password("-_.~!*")

    def app_password(self) -> str:
        """A mail provider's app password: four groups of four lower-case letters."""
        return " ".join(self.chars(string.ascii_lowercase, 4) for _ in range(4))

    def private_ip(self) -> str:
        kind = self.num(0, 2)
        if kind == 0:
            return f"10.{self.num(1, 250)}.{self.num(1, 250)}.{self.num(2, 250)}"
        if kind == 1:
            return f"172.{self.num(16, 31)}.{self.num(1, 250)}.{self.num(2, 250)}"
        return f"192.168.{self.num(2, 250)}.{self.num(2, 250)}"

    def public_ip(self) -> str:
        return f"{self.pick(['49.12', '65.108', '159.69', '167.235', '95.217'])}.{self.num(1, 250)}.{self.num(2, 250)}"

    def doc_ip(self) -> str:
        return f"{self.pick(['192.0.2', '198.51.100', '203.0.113'])}.{self.num(2, 250)}"

    def ts(self) -> str:
        return (
            f"2026-{self.num(1, 11):02d}-{self.num(1, 28):02d}T{self.num(0, 23):02d}:"
            f"{self.num(0, 59):02d}:{self.num(0, 59):02d}Z"
        )

    # formats with a check ---------------------------------------------------------------------------
    def crc_token(self, prefix: str) -> str:
        body = self.mixed(B62, 30)
        return prefix + body + _b62_encode(zlib.crc32(body.encode()), 6)

    def github(self) -> str:
        return self.crc_token(self.pick(VENDOR_PREFIXES["github-token"]))

    def npm(self) -> str:
        return self.crc_token(VENDOR_PREFIXES["npm-token"][0])

    def card(self, first: str = "") -> str:
        lead = first or self.pick(["4", "51", "53", "37"])
        length = 15 if lead == "37" else 16
        while True:
            body = lead + self.chars(string.digits, length - len(lead) - 1)
            for d in string.digits:
                if luhn_ok(body + d):
                    out = body + d
                    if len(set(out)) >= 5:
                        return out
                    break

    def iban(self, country: str = "") -> str:
        cc = country or self.pick(sorted(_IBAN_LENGTHS))
        if cc == "DE":
            bban = self.chars(string.digits, 18)
        elif cc == "NL":
            bban = self.pick(["ABNA", "RABO", "INGB", "TRIO"]) + self.chars(string.digits, 10)
        elif cc == "GB":
            bban = self.pick(["NWBK", "BARC", "MIDL", "LOYD"]) + self.chars(string.digits, 14)
        elif cc == "AT":
            bban = self.chars(string.digits, 16)
        else:
            head = int(self.chars("123456789", 1) + self.chars(string.digits, 9))
            bban = f"{head:010d}{head % 97 or 97:02d}"
        moved = bban + cc + "00"
        check = 98 - int("".join(str(int(c, 36)) for c in moved)) % 97
        return f"{cc}{check:02d}{bban}"

    def bad_iban(self) -> str:
        good = self.iban()
        check = int(good[2:4])
        return f"{good[:2]}{(check + self.num(1, 40)) % 97 + 2:02d}{good[4:]}"

    def ssn(self, dashed: bool = True) -> str:
        area = self.num(1, 899)
        while area == 666:
            area = self.num(1, 899)
        out = f"{area:03d}-{self.num(1, 99):02d}-{self.num(1, 9999):04d}"
        return out if dashed else out.replace("-", "")

    def jwt(self, claims: dict[str, object] | None = None) -> str:
        header = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
        now = 1780000000 + self.num(0, 9000000)
        body: dict[str, object] = {"sub": self.uuid(), "iat": now, "exp": now + 3600}
        body.update(claims or {})
        payload = _b64url(json.dumps(body, separators=(",", ":")).encode())
        sig = _b64url(self.rng.randbytes(32))
        return f"{header}.{payload}.{sig}"

    def pem(self, kind: str = "RSA PRIVATE KEY", size: int = 600) -> str:
        der = b"\x30\x82" + size.to_bytes(2, "big") + b"\x02\x01\x00" + self.rng.randbytes(size - 3)
        body = base64.b64encode(der).decode()
        lines = [body[i : i + 64] for i in range(0, len(body), 64)]
        dash = "-" * 5
        return "\n".join([f"{dash}BEGIN {kind}{dash}", *lines, f"{dash}END {kind}{dash}"])

    def openssh(self) -> str:
        raw = b"openssh-key-v1\x00" + self.rng.randbytes(self.num(380, 420))
        body = base64.b64encode(raw).decode()
        lines = [body[i : i + 70] for i in range(0, len(body), 70)]
        dash = "-" * 5
        return "\n".join(
            [f"{dash}BEGIN OPENSSH PRIVATE KEY{dash}", *lines, f"{dash}END OPENSSH PRIVATE KEY{dash}"]
        )

    def ssh_public(self, comment: str = "") -> str:
        blob = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + self.rng.randbytes(32)
        out = "ssh-ed25519 " + base64.b64encode(blob).decode()
        return f"{out} {comment}" if comment else out

    def mnemonic(self) -> str:
        idx = [self.num(0, 127) for _ in range(11)]
        extra = self.num(0, 7)
        bits = "".join(format(i, "011b") for i in idx) + "0000" + format(extra, "03b")
        entropy = int(bits, 2).to_bytes(16, "big")
        cs = hashlib.sha256(entropy).digest()[0] >> 4
        idx.append((extra << 4) | cs)
        return " ".join(BIP39_HEAD[i] for i in idx)

    def bcrypt(self) -> str:
        alphabet = "./" + string.ascii_uppercase + string.ascii_lowercase + string.digits
        return "$2" + self.pick("aby") + f"${self.pick(['10', '12'])}$" + self.mixed(alphabet, 53)

    def sha512crypt(self) -> str:
        alphabet = "./" + B62
        return "$6$" + self.mixed(alphabet, 16) + "$" + self.mixed(alphabet, 86)

    def argon2(self) -> str:
        return (
            "$argon2id$v=19$m=65536,t=3,p=4$" + self.mixed(B62 + "+/", 22) + "$" + self.mixed(B62 + "+/", 43)
        )

    def aws_key(self) -> str:
        return VENDOR_PREFIXES["aws-access-key"][0] + self.mixed(
            UPPER_ALNUM.replace("0", "").replace("1", ""), 16
        )

    def aws_secret(self) -> str:
        return self.mixed(B62 + "+/", 40)

    def b64(self, raw: str) -> str:
        return base64.b64encode(raw.encode()).decode()

    def vendor(self, cls: str) -> str:
        """A vendor token in its published layout, recorded as a secret of its class."""
        pre = self.pick(VENDOR_PREFIXES[cls])
        c = self.mixed
        bodies: dict[str, Callable[[], str]] = {
            "github-token": lambda: self.github()[4:],
            "npm-token": lambda: self.npm()[4:],
            "gitlab-token": lambda: c(B64URL, 20),
            "slack-token": lambda: f"{self.num(10**10, 10**11)}-{self.num(10**12, 10**13)}-{c(B62, 24)}",
            "openai-key": lambda: c(B64URL, 74) + "T3Blbk" + "FJ" + c(B64URL, 74),
            "anthropic-key": lambda: c(B64URL, 93) + "AA",
            "groq-key": lambda: c(B62, 52),
            "huggingface-token": lambda: c(string.ascii_letters, 34),
            "digitalocean-token": lambda: c(HEX, 64),
            "pinecone-key": lambda: c(B62, 5) + "_" + c(B62, 58),
            "google-api-key": lambda: c(B64URL, 35),
            "google-client-secret": lambda: c(B64URL, 28),
            "google-refresh-token": lambda: (
                c(B64URL, 8) + "CgYIARAAGA" + c(B64URL, 16) + "-L9Ir" + c(B64URL, 60)
            ),
            "aws-access-key": lambda: self.aws_key()[4:],
            "vault-token": lambda: c(B62, 24) + c(B64URL, 66),
            "pulumi-token": lambda: c(HEX, 40),
            "elevenlabs-key": lambda: c(HEX, 48),
            "together-key": lambda: c(B64URL, 43),
            "mollie-key": lambda: c(B62, 30),
            "braintree-token": lambda: f"{c(LOWER_ALNUM, 16)}${c(HEX, 32)}",
            "facebook-token": lambda: c(B62, self.num(160, 200)),
            "instagram-token": lambda: c(B64URL, self.num(140, 170)),
            "onfido-token": lambda: f"{c(B64URL, 11)}.{c(B64URL, 32)}",
            "paddle-key": lambda: f"01{c(LOWER_ALNUM, 24)}_{c(B62, 22)}_{c(B62, 3)}",
            "sendgrid-key": lambda: f"{c(B64URL, 22)}.{c(B64URL, 43)}",
            "adyen-key": lambda: c(B62, 120),
            "paypal-token": lambda: c(B64URL, 92),
            "twitter-bearer": lambda: c(B62, 28) + "%2B" + c(B62, 20) + "%3D" + c(B62, 50),
        }
        if cls == "github-token":
            return self.s(cls, self.crc_token(pre))
        if cls == "npm-token":
            return self.s(cls, self.npm())
        return self.s(cls, pre + bodies[cls]())


Kind = Callable[[Gen], str]


def _deliver(text: str, delivery: str, gen: Gen, stamp: random.Random) -> str:
    """Wrap a document's text the way it reached the transcript."""
    lines = text.split("\n")
    if delivery == "plain":
        return text
    if delivery == "json":
        tool = stamp.choice(["Bash", "Read", "tool_result", "exec_command"])
        return json.dumps({"type": "tool_result", "tool": tool, "content": text}, ensure_ascii=False)
    if delivery == "diff":
        head = [f"diff --git a/{gen.path} b/{gen.path}", "new file mode 100644", "--- /dev/null"]
        head += [f"+++ b/{gen.path}", f"@@ -0,0 +1,{len(lines)} @@"]
        return "\n".join(head + ["+" + line for line in lines])
    if delivery == "numbered":
        return "\n".join(f"{i:>6}\t{line}" for i, line in enumerate(lines, 1))
    if delivery == "cilog":
        base = stamp.randint(0, 20000)
        return "\n".join(
            f"2026-05-14T{(base + i) // 3600 % 24:02d}:{(base + i) // 60 % 60:02d}:{(base + i) % 60:02d}."
            f"{stamp.randint(1000000, 9999999)}Z {line}"
            for i, line in enumerate(lines)
        )
    return f"Contents of `{gen.path}`:\n\n```{gen.lang}\n{text}\n```\n"


def _occurrences(text: str, value: str) -> list[int]:
    out = []
    start = text.find(value)
    while start >= 0:
        out.append(start)
        start = text.find(value, start + len(value))
    return out


def _label(text: str, gen: Gen, delivery: str) -> tuple[tuple[Secret, ...], tuple[Keep, ...]]:
    """Label every occurrence of each recorded value in the delivered text, and check the rules."""

    def shown(value: str) -> str:
        return jesc(value) if delivery == "json" else value

    secrets: list[Secret] = []
    for value, cls in gen.secrets.items():
        where = _occurrences(text, shown(value))
        assert where, (value, delivery)
        secrets += [Secret(cls, shown(value), i) for i in where]
    secrets.sort(key=lambda s: s.offset)
    for a, b in itertools.pairwise(secrets):
        assert a.offset + len(a.text) <= b.offset, (a, b)
    keeps: list[Keep] = []
    for value in gen.keeps:
        where = _occurrences(text, shown(value))
        assert where, (value, delivery)
        keeps += [Keep(shown(value), i) for i in where]
    keeps.sort(key=lambda k: k.offset)
    for k in keeps:
        for s in secrets:
            assert k.offset + len(k.text) <= s.offset or s.offset + len(s.text) <= k.offset, (k, s)
            assert k.text not in s.text and s.text not in k.text, (k, s)
    return tuple(secrets), tuple(keeps)


def _j(obj: object) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False)


# 1. security tooling ----------------------------------------------------------------------------------


def sec_nmap(g: Gen) -> str:
    """nmap's normal output over an internal range, sometimes with a brute script's finding."""
    g.path, g.lang = "scans/internal.nmap", "text"
    net = f"10.{g.num(1, 250)}.{g.num(1, 250)}"
    a = g.s("ip-address", f"{net}.{g.num(2, 250)}")
    pub = g.k(g.doc_ip())
    rng = g.k(f"{net}.0/24")
    ver = g.k(f"OpenSSH {g.pick(['8.9p1', '9.6p1', '9.2p1'])}")
    out = [
        f"# Nmap 7.94SVN scan initiated {g.ts()} as: nmap -sV -T4 -p 22,80,443,5432 -oN internal.nmap {rng}",
        f"Nmap scan report for db{g.num(1, 9):02d}.corp.lan ({a})",
        f"Host is up (0.000{g.num(10, 99)}s latency).",
        "PORT     STATE SERVICE    VERSION",
        f"22/tcp   open  ssh        {ver} Ubuntu 3ubuntu0.{g.num(1, 9)} (Ubuntu Linux; protocol 2.0)",
        "5432/tcp open  postgresql PostgreSQL DB 14.9 - 14.12",
    ]
    if g.num(0, 1):
        user = g.pick(["admin", "tomcat", "manager", "ops"])
        pw = g.s("password", g.password())
        out += [
            "| http-brute:",
            "|   Accounts:",
            f"|     {user}:{pw} - Valid credentials",
            f"|_  Statistics: Performed {g.num(900, 4000)} guesses in {g.num(20, 90)} seconds",
        ]
    out += [
        "",
        f"Nmap scan report for gw.example.net ({pub})",
        "Host is up (0.031s latency).",
        "443/tcp open  ssl/http Apache httpd 2.4.58",
        "",
        f"# Nmap done at {g.ts()} -- 256 IP addresses (2 hosts up) scanned in {g.num(20, 99)}.41 seconds",
    ]
    return "\n".join(out)


def sec_hydra(g: Gen) -> str:
    """hydra's run and the login it found."""
    g.path, g.lang = "loot/hydra.log", "console"
    host = g.s("ip-address", g.private_ip()) if g.num(0, 1) else g.k(g.doc_ip())
    svc = g.pick(["ssh", "ftp", "mysql", "smb", "rdp"])
    port = {"ssh": 22, "ftp": 21, "mysql": 3306, "smb": 445, "rdp": 3389}[svc]
    user = g.pick(["root", "admin", "backup", "svc_deploy", "oracle"])
    pw = g.s("password", g.password())
    return "\n".join(
        [
            f"$ hydra -L users.txt -P /usr/share/wordlists/rockyou.txt -t 4 {svc}://{host}",
            "Hydra v9.5 (c) 2023 by van Hauser/THC & David Maciejak - Please do not use in military or secret service",
            f"[DATA] max 4 tasks per 1 server, overall 4 tasks, {g.num(20000, 90000)} login tries (l:6/p:14344399)",
            f"[DATA] attacking {svc}://target:{port}/",
            f"[STATUS] {g.num(100, 900)}.00 tries/min, {g.num(100, 900)} tries in 00:01h, 0 active",
            f"[{port}][{svc}] host: target   login: {user}   password: {pw}",
            "1 of 1 target successfully completed, 1 valid password found",
            f"[INFO] wordlist sha1 {g.k(g.sha())}",
        ]
    )


def sec_sqlmap(g: Gen) -> str:
    """sqlmap's dump of a users table: an address and its stored password hash."""
    g.path, g.lang = "sqlmap/dump.txt", "text"
    mail = g.s("email", g.email())
    h = g.s("credential", g.pick([g.bcrypt(), g.argon2()]))
    demo = g.k(g.pick(["demo", "qa", "test"]) + f"{g.num(1, 9)}@example.com")
    rule = "+----+--------------------------------+" + "-" * (len(h) + 2) + "+"
    return "\n".join(
        [
            f"[{g.num(10, 23)}:{g.num(10, 59)}:{g.num(10, 59)}] [INFO] fetching entries for table 'users' "
            "in database 'shop'",
            "Database: shop",
            "Table: users",
            "[2 entries]",
            rule,
            "| id | email                          | " + "password_hash".ljust(len(h)) + " |",
            rule,
            f"| 1  | {mail:<30} | {h} |",
            f"| 2  | {demo:<30} | " + "<blank>".ljust(len(h)) + " |",
            rule,
        ]
    )


def sec_gitleaks(g: Gen) -> str:
    """A gitleaks JSON report: the finding's secret, its match line, the commit and its author."""
    g.path, g.lang = "gitleaks-report.json", "json"
    cls, rule, desc = g.cycle(
        [
            ("npm-token", "npm-access-token", "npm access token"),
            ("slack-token", "slack-bot-token", "Slack Bot token"),
            ("github-token", "github-pat", "GitHub Personal Access Token"),
            ("gitlab-token", "gitlab-pat", "GitLab Personal Access Token"),
            ("aws-access-key", "aws-access-token", "AWS Access Key"),
        ]
    )
    tok = g.vendor(cls)
    f, la = g.person()
    sha = g.k(g.sha())
    file = g.pick(["deploy/.env.production", "scripts/release.sh", "config/ci.yml", ".npmrc"])
    line = g.num(3, 80)
    finding = {
        "Description": desc,
        "StartLine": line,
        "Match": f"TOKEN={tok}" if cls != "npm-token" else f"//registry.npmjs.org/:_authToken={tok}",
        "Secret": tok,
        "File": file,
        "Commit": sha,
        "Entropy": round(g.rng.uniform(3.9, 5.8), 6),
        "Author": g.s("person-name", f"{f} {la}"),
        "Email": g.s("email", g.email_for(f, la)),
        "Date": g.ts(),
        "RuleID": rule,
        "Fingerprint": f"{sha}:{file}:{rule}:{line}",
    }
    if g.num(0, 1):
        return _j([finding])
    allow = {
        "Description": "Generic API Key",
        "Match": f"api_key = {g.k('${API_KEY}')}",
        "Secret": "${API_KEY}",
        "RuleID": "generic-api-key",
        "Note": "allowlisted placeholder",
    }
    return _j([finding, allow])


def sec_trufflehog(g: Gen) -> str:
    """trufflehog's JSON line: a verified secret and the committer it came with."""
    g.path, g.lang = "trufflehog.jsonl", "json"
    cls, det = g.cycle(
        [
            ("slack-token", "Slack"),
            ("gitlab-token", "Gitlab"),
            ("sendgrid-key", "SendGrid"),
            ("huggingface-token", "HuggingFace"),
            ("groq-key", "Groq"),
        ]
    )
    tok = g.vendor(cls)
    f, la = g.person()
    who = f"{g.s('person-name', f'{f} {la}')} <{g.s('email', g.email_for(f, la))}>"
    meta = {
        "Git": {
            "commit": g.k(g.sha()),
            "file": g.pick(["app/settings.py", "bot/config.js"]),
            "email": who,
            "repository": "https://github.com/acme-labs/webapp.git",
            "timestamp": g.ts().replace("T", " ").replace("Z", " +0000"),
            "line": g.num(2, 60),
        }
    }
    unverified = {
        "DetectorName": "URI",
        "Verified": False,
        "Raw": g.k(VENDOR_PREFIXES["github-token"][0] + "x" * 36),
    }
    return "\n".join(
        [
            json.dumps(
                {
                    "SourceMetadata": {"Data": meta},
                    "SourceID": 1,
                    "SourceType": 16,
                    "DetectorName": det,
                    "DecoderName": "PLAIN",
                    "Verified": True,
                    "Raw": tok,
                    "Redacted": "",
                }
            ),
            json.dumps(unverified),
        ]
    )


def sec_hashcat(g: Gen) -> str:
    """hashcat --show: a stored hash and the password cracked from it."""
    g.path, g.lang = "hashcat.potfile", "text"
    mode = g.pick(["3200", "1800"])
    h = g.s("credential", g.bcrypt() if mode == "3200" else g.sha512crypt())
    lines = [f"$ hashcat -m {mode} --show hashes.txt", f"{h}:{g.s('password', g.password())}"]
    lines += [
        "Session..........: hashcat",
        "Status...........: Cracked",
        f"Hash.Mode........: {mode}",
        f"Hash.Target......: hashes.txt ({g.k('****')} masked in report)",
        f"Started..........: {g.ts()}",
    ]
    return "\n".join(lines)


def sec_burp(g: Gen) -> str:
    """A Burp request/response pair saved from the proxy history."""
    g.path, g.lang = "burp/login.req", "http"
    pw = g.s("password", g.url_password())
    sess = g.s("session-cookie", g.mixed(B64URL, 43))
    jwt = g.s("jwt", g.jwt({"role": "user"}))
    ga = g.k(f"_ga=GA1.2.{g.num(100000000, 999999999)}.{g.num(1700000000, 1790000000)}")
    rid = g.k(g.uuid())
    host = g.pick(["shop.fernhollow.net", "portal.tallowgate.org", "api.cobaltmere.app"])
    form = g.turn % 2 == 0
    if form:
        body = f'{{"email":"{g.s("email", g.email())}","password":"{pw}","remember":true}}'
    else:
        body = f"username={g.user()}&password={pw}&csrf={g.hexs(32)}"
    ctype = "application/json" if form else "application/x-www-form-urlencoded"
    return "\n".join(
        [
            "POST /api/v2/session HTTP/2",
            f"Host: {host}",
            f"Cookie: {ga}; theme=dark",
            f"Content-Type: {ctype}",
            f"Content-Length: {len(body)}",
            "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
            "",
            body,
            "",
            "HTTP/2 200 OK",
            f"Set-Cookie: sid={sess}; Path=/; HttpOnly; Secure; SameSite=Lax",
            f"X-Request-Id: {rid}",
            "Content-Type: application/json",
            "",
            f'{{"token":"{jwt}","expires_in":3600}}',
        ]
    )


def sec_msf(g: Gen) -> str:
    """Metasploit's creds table and session list."""
    g.path, g.lang = "msf/creds.txt", "console"
    h1 = g.k(g.doc_ip())
    lp = g.k(g.doc_ip())
    p1 = g.s("password", g.password())
    return "\n".join(
        [
            "msf6 auxiliary(scanner/smb/smb_login) > creds",
            "Credentials",
            "===========",
            "",
            "host           origin         service          public         private            realm  private_type",
            "----           ------         -------          ------         -------            -----  ------------",
            f"{h1}  {h1}  445/tcp (smb)  {g.pick(['administrator', 'svc_sql'])}  {p1}  CORP  Password",
            "",
            "msf6 > sessions -l",
            "  Id  Name  Type                     Information          Connection",
            "  --  ----  ----                     -----------          ----------",
            f"  1         meterpreter x64/windows  CORP\\svc_sql @ WS01  {lp}:4444 -> target:{g.num(49000, 65000)}",
        ]
    )


# 2. mail client dotfiles ------------------------------------------------------------------------------


def mail_muttrc(g: Gen) -> str:
    """A muttrc with an identity and an IMAP password."""
    g.path, g.lang = ".muttrc", "muttrc"
    f, la = g.person()
    dom = g.domain()
    name, mail = g.s("person-name", f"{f} {la}"), g.s("email", g.email_for(f, la, dom))
    pw = f'"{g.s("password", g.password())}"' if g.num(0, 2) else f'"`{g.k("pass show mail/" + dom)}`"'
    return "\n".join(
        [
            f"# {dom} account",
            f'set from = "{name} <{mail}>"',
            "set use_from = yes",
            f'set imap_user = "{g.user()}"',
            f"set imap_pass = {pw}",
            f'set folder = "imaps://imap.{dom}:993"',
            'set spoolfile = "+INBOX"',
            f'set smtp_url = "smtps://smtp.{dom}:465/"',
            f"set smtp_pass = {g.k('$imap_pass')}",
            "set ssl_force_tls = yes",
            f"# see {g.k('https://neomutt.org/guide/reference')}",
        ]
    )


def mail_msmtprc(g: Gen) -> str:
    """An msmtprc with a provider account and a relay account."""
    g.path, g.lang = ".msmtprc", "ini"
    mail = g.s("email", g.email())
    dom = mail.split("@")[1]
    out = [
        "defaults",
        "auth           on",
        "tls            on",
        "tls_trust_file /etc/ssl/certs/ca-certificates.crt",
        "",
        "account        work",
        f"host           smtp.{dom}",
        "port           587",
        f"from           {mail}",
        f"user           {g.user()}",
        f'passwordeval   "{g.k("gpg -q --for-your-eyes-only --no-tty -d ~/.msmtp-work.gpg")}"',
        "",
        "account        relay",
        "host           smtp.sendgrid.net",
        "port           465",
        f"from           {g.k('noreply@example.com')}",
        "user           apikey",
        f"password       {g.vendor('sendgrid-key')}",
    ]
    if g.num(0, 1):
        out += [
            "",
            "account        gmail",
            "host           smtp.gmail.com",
            "port           587",
            f"password       {g.s('password', g.app_password())}",
        ]
    out += ["", "account default : work"]
    return "\n".join(out)


def mail_mbsync(g: Gen) -> str:
    """An .mbsyncrc: one account with a password, one through a command."""
    g.path, g.lang = ".mbsyncrc", "ini"
    mail = g.s("email", g.email())
    dom = mail.split("@")[1]
    return "\n".join(
        [
            "IMAPAccount personal",
            f"Host imap.{dom}",
            f"User {mail}",
            f"Pass {g.s('password', g.password())}",
            "SSLType IMAPS",
            "CertificateFile /etc/ssl/certs/ca-certificates.crt",
            "",
            "IMAPAccount work",
            "Host outlook.office365.com",
            f"User {g.k('first.last@example.com')}",
            f'PassCmd "{g.k("pass show mail/work-oauth")}"',
            "AuthMechs XOAUTH2",
            "",
            "Channel personal",
            "Far :personal-remote:",
            "Near :personal-local:",
            "Patterns *",
            "SyncState *",
        ]
    )


def mail_offlineimap(g: Gen) -> str:
    """An .offlineimaprc with Gmail OAuth2 client credentials."""
    g.path, g.lang = ".offlineimaprc", "ini"
    out = [
        "[general]",
        "accounts = main",
        "",
        "[Account main]",
        "localrepository = Local",
        "remoterepository = Remote",
        "",
        "[Repository Local]",
        "type = Maildir",
        "localfolders = ~/Mail",
        "",
        "[Repository Remote]",
        "type = Gmail",
        f"remoteuser = {g.k('you@example.com')}",
        "auth_mechanisms = XOAUTH2",
        f"oauth2_client_id = {g.num(10**11, 10**12)}-{g.chars(LOWER_ALNUM, 32)}.apps.googleusercontent.com",
        f"oauth2_client_secret = {g.vendor('google-client-secret')}",
        f"oauth2_refresh_token = {g.vendor('google-refresh-token')}",
        "oauth2_request_url = https://accounts.google.com/o/oauth2/token",
        "sslcacertfile = /etc/ssl/certs/ca-certificates.crt",
    ]
    return "\n".join(out)


def mail_fetchmail(g: Gen) -> str:
    """A .fetchmailrc poll entry."""
    g.path, g.lang = ".fetchmailrc", "text"
    mail = g.s("email", g.email())
    dom = mail.split("@")[1]
    pw = g.s("password", g.password("!#+-_.^*~"))
    return "\n".join(
        [
            "set daemon 300",
            "set logfile ~/.fetchmail.log",
            "",
            f"poll imap.{dom} protocol IMAP port 993",
            f'    user "{mail}" there with password "{pw}" is "{g.user()}" here',
            "    ssl sslcertck",
            "    keep",
            '    mda "/usr/bin/procmail -d %T"',
            "",
            f"poll {g.k('mail.example.net')} protocol POP3",
            f'    user "tester" there with password "{g.k("changeme")}"',
        ]
    )


def mail_prefs(g: Gen) -> str:
    """Thunderbird's prefs.js identities and servers."""
    g.path, g.lang = "prefs.js", "javascript"
    f, la = g.person()
    name, mail = g.s("person-name", f"{f} {la}"), g.s("email", g.email_for(f, la))
    dom = mail.split("@")[1]
    sample = g.k("jane.doe@example.com")
    return "\n".join(
        [
            "// Mozilla User Preferences",
            'user_pref("mail.account.account1.identities", "id1");',
            f'user_pref("mail.identity.id1.fullName", "{name}");',
            f'user_pref("mail.identity.id1.useremail", "{mail}");',
            f'user_pref("mail.server.server1.hostname", "imap.{dom}");',
            f'user_pref("mail.server.server1.userName", "{g.user()}");',
            'user_pref("mail.server.server1.port", 993);',
            f'user_pref("mail.identity.id2.fullName", "{g.k("Jane Doe")}");',
            f'user_pref("mail.identity.id2.useremail", "{sample}");',
            f'user_pref("mail.smtpserver.smtp1.hostname", "smtp.{dom}");',
            'user_pref("mail.smtpserver.smtp1.authMethod", 3);',
            f'user_pref("extensions.lastAppVersion", "{g.k("128.5.2esr")}");',
        ]
    )


def mail_authinfo(g: Gen) -> str:
    """Emacs's decrypted .authinfo and the smtpmail settings that use it."""
    g.path, g.lang = ".authinfo", "text"
    user = g.user()
    dom = g.domain()
    line = f"machine imap.{dom} login {user} port 993 password {g.s('password', g.password())}"
    if g.num(0, 1):
        line2 = f"machine api.github.com login {user}^forge password {g.vendor('github-token')}"
    else:
        line2 = f"machine smtp.{dom} login {user} port 587 password {g.s('password', g.password())}"
    return "\n".join(
        [
            "$ gpg -d ~/.authinfo.gpg",
            line,
            line2,
            f"machine localhost login test port 1143 password {g.k('password_here')}",
            "",
            ";; init.el",
            f'(setq smtpmail-smtp-server "smtp.{dom}"',
            "      smtpmail-smtp-service 587",
            '      auth-sources \'("~/.authinfo.gpg"))',
        ]
    )


# 3. IDE and editor configuration ------------------------------------------------------------------------


def ide_datasources(g: Gen) -> str:
    """JetBrains dataSources.xml: one URL carries its password."""
    g.path, g.lang = ".idea/dataSources.xml", "xml"
    pw = g.s("password", g.url_password())
    uid = g.k(g.uuid())
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<project version="4">',
            '  <component name="DataSourceManagerImpl" format="xml" multifile-model="true">',
            f'    <data-source source="LOCAL" name="orders@db" uuid="{uid}">',
            "      <driver-ref>mysql.8</driver-ref>",
            "      <jdbc-driver>com.mysql.cj.jdbc.Driver</jdbc-driver>",
            f"      <jdbc-url>jdbc:mysql://db.internal:3306/orders?user=orders_rw&amp;password={pw}</jdbc-url>",
            "      <working-dir>$ProjectFileDir$</working-dir>",
            "    </data-source>",
            '    <data-source source="LOCAL" name="local">',
            f"      <jdbc-url>jdbc:postgresql://{g.k('127.0.0.1')}:5432/dev</jdbc-url>",
            "      <secret-storage>master_key</secret-storage>",
            "    </data-source>",
            "  </component>",
            "</project>",
        ]
    )


def ide_workspace(g: Gen) -> str:
    """A JetBrains run configuration with its environment."""
    g.path, g.lang = ".idea/workspace.xml", "xml"
    key = g.vendor(g.cycle(["openai-key", "anthropic-key", "groq-key", "slack-token"]))
    return "\n".join(
        [
            '  <component name="RunManager" selected="Python.api">',
            '    <configuration name="api" type="PythonConfigurationType" factoryName="Python">',
            "      <envs>",
            '        <env name="PYTHONUNBUFFERED" value="1" />',
            f'        <env name="DATABASE_URL" value="{g.k("postgresql://api@localhost:5432/api")}" />',
            f'        <env name="SERVICE_TOKEN" value="{key}" />',
            f'        <env name="SENTRY_DSN" value="{g.k("${SENTRY_DSN}")}" />',
            "      </envs>",
            '      <option name="SCRIPT_NAME" value="$PROJECT_DIR$/api/main.py" />',
            "    </configuration>",
            "  </component>",
        ]
    )


def ide_vscode_settings(g: Gen) -> str:
    """VS Code settings.json: SQLTools connections and REST client environments."""
    g.path, g.lang = ".vscode/settings.json", "jsonc"
    pw = g.s("password", g.password())
    tok = g.s("jwt", g.jwt({"scope": "orders:write"}))
    return "\n".join(
        [
            "{",
            '  "editor.formatOnSave": true,',
            '  "sqltools.connections": [',
            "    {",
            '      "name": "reporting",',
            '      "driver": "PostgreSQL",',
            f'      "server": "{g.k(g.doc_ip())}",',
            '      "database": "reporting",',
            '      "username": "analyst",',
            f'      "password": "{pw}"',
            "    }",
            "  ],",
            '  "rest-client.environmentVariables": {',
            f'    "$shared": {{ "version": "v2", "apiKey": "{g.k("<your-api-key>")}" }},',
            f'    "staging": {{ "host": "staging.quillmark.io", "token": "{tok}" }}',
            "  }",
            "}",
        ]
    )


def ide_launch(g: Gen) -> str:
    """VS Code launch.json with an env block."""
    g.path, g.lang = ".vscode/launch.json", "jsonc"
    env: dict[str, str] = {"NODE_ENV": "development"}
    env["MNEMONIC"] = g.s("recovery-phrase", g.mnemonic())
    env["RPC_URL"] = g.k("http://127.0.0.1:8545")
    env["ETHERSCAN_API_KEY"] = g.k("${env:ETHERSCAN_API_KEY}")
    cfg = {
        "version": "0.2.0",
        "configurations": [
            {
                "type": "node",
                "request": "launch",
                "name": "Deploy contracts",
                "program": g.k("${workspaceFolder}/scripts/deploy.ts"),
                "env": env,
                "console": "integratedTerminal",
            }
        ],
    }
    return "// launch.json\n" + _j(cfg)


def ide_http(g: Gen) -> str:
    """A REST client .http file with variables and basic auth."""
    g.path, g.lang = "api.http", "http"
    tok = g.s("jwt", g.jwt({"role": "admin"}))
    user = g.user()
    basic = g.s("basic-auth", g.b64(f"{user}:{g.password('-_.!')}"))
    return "\n".join(
        [
            "@baseUrl = https://api.brightkiln.dev/v1",
            f"@token = {tok}",
            "",
            "### list orders",
            "GET {{baseUrl}}/orders?limit=20",
            f"Authorization: Bearer {g.k('{{token}}')}",
            f"Postman-Token: {g.k(g.uuid())}",
            "",
            "### legacy report",
            "GET {{baseUrl}}/reports/daily",
            f"Authorization: Basic {basic}",
            "",
            "### docs sample",
            "POST https://httpbin.org/post",
            f'{{"email": "{g.k("someone@example.com")}", "password": "<password>"}}',
        ]
    )


def ide_nvim(g: Gen) -> str:
    """Neovim plugin setup holding an API key (and one that reads its key from a command)."""
    g.path, g.lang = "~/.config/nvim/lua/plugins/ai.lua", "lua"
    a = g.vendor(g.cycle(["anthropic-key", "groq-key", "openai-key"]))
    return "\n".join(
        [
            "return {",
            "  {",
            '    "olimorris/codecompanion.nvim",',
            "    opts = {",
            "      adapters = {",
            "        anthropic = function()",
            '          return require("codecompanion.adapters").extend("anthropic", {',
            f'            env = {{ api_key = "{a}" }},',
            "          })",
            "        end,",
            "      },",
            "    },",
            "  },",
            "  {",
            '    "robitx/gp.nvim",',
            "    config = function()",
            f'      require("gp").setup({{ openai_api_key = {{ "{g.k("pass show api/openai")}" }} }})',
            "    end,",
            "  },",
            "}",
        ]
    )


def ide_http_env(g: Gen) -> str:
    """JetBrains HTTP client's private environment file, beside the shared one."""
    g.path, g.lang = "http-client.private.env.json", "json"
    env = {"dev": {"client_secret": g.s("client-secret", g.mixed(B64URL, 40)), "user": g.k("changeme")}}
    shared = {"dev": {"host": g.k("http://localhost:8080"), "token": g.k("{{$dotenv DEV_TOKEN}}")}}
    return "// http-client.private.env.json\n" + _j(env) + "\n// http-client.env.json\n" + _j(shared)


# 4. smaller cloud CLIs --------------------------------------------------------------------------------


def cloud_oci(g: Gen) -> str:
    """~/.oci/config and the API signing key beside it, or an auth token."""
    g.path, g.lang = "~/.oci/config", "ini"
    fp = ":".join(g.chars(HEX, 2) for _ in range(16))
    out = [
        "[DEFAULT]",
        f"user=ocid1.user.oc1..aaaaaaaa{g.chars(LOWER_ALNUM, 52)}",
        f"fingerprint={fp}",
        "key_file=~/.oci/oci_api_key.pem",
        f"region={g.pick(['eu-frankfurt-1', 'us-ashburn-1', 'uk-london-1'])}",
    ]
    if g.num(0, 1):
        out += ["", "$ cat ~/.oci/oci_api_key.pem", g.s("private-key", g.pem("PRIVATE KEY", g.num(620, 680)))]
    else:
        out += [
            "",
            "$ oci iam auth-token create --user-id $OCI_USER --description registry",
            _j(
                {
                    "data": {
                        "description": "registry",
                        "lifecycle-state": "ACTIVE",
                        "token": g.s("token", g.mixed(B62 + "(){}<>;:+", 20)),
                    },
                    "etag": g.k(g.hexs(40)),
                }
            ),
        ]
    return "\n".join(out)


def cloud_linode(g: Gen) -> str:
    """linode-cli creating an instance with a root password."""
    g.path, g.lang = "linode.log", "console"
    pw = g.s("password", g.password())
    return "\n".join(
        [
            f"$ linode-cli linodes create --label web-{g.num(1, 9)} --root_pass '{pw}' --authorized_keys "
            f'"{g.k(g.ssh_public("ops@laptop"))}"',
            "┌──────────┬───────┬───────────────┬──────────────┬────────────────┐",
            "│ id       │ label │ region        │ status       │ ipv4           │",
            f"│ {g.num(10**7, 10**8)} │ web-1 │ eu-central    │ provisioning │ {g.k(g.doc_ip()):<14} │",
            "└──────────┴───────┴───────────────┴──────────────┴────────────────┘",
        ]
    )


def cloud_hcloud(g: Gen) -> str:
    """Hetzner's cli.toml, or a server's creation output with its root password."""
    g.path, g.lang = "~/.config/hcloud/cli.toml", "toml"
    if g.num(0, 1):
        return "\n".join(
            [
                'active_context = "prod"',
                "",
                "[[contexts]]",
                '  name = "prod"',
                f'  token = "{g.s("token", g.mixed(B62, 64))}"',
                "",
                "[[contexts]]",
                '  name = "docs"',
                f'  token = "{g.k("<hcloud-token>")}"',
            ]
        )
    return "\n".join(
        [
            "$ hcloud server create --name ci-runner --type cx22 --image ubuntu-24.04",
            f" ✓ Waiting for create_server       100% {g.num(5, 30)}s",
            f"Server {g.num(10**7, 10**8)} created",
            f"IPv4: {g.s('ip-address', g.public_ip())}",
            f"IPv6: {g.k('2001:db8::1')}",
            f"Root password: {g.s('password', g.mixed(B62, 20))}",
        ]
    )


def cloud_vultr(g: Gen) -> str:
    """vultr-cli's config, or an instance's details."""
    g.path, g.lang = "~/.vultr-cli.yaml", "yaml"
    if g.num(0, 1):
        return f"api-key: {g.s('api-key', g.mixed(UPPER_ALNUM, 36))}\noutput: text\n# docs: {g.k('https://docs.vultr.com/')}"
    return "\n".join(
        [
            "$ vultr-cli instance get " + g.k(g.uuid()),
            f"MAIN IP\t\t\t{g.k(g.doc_ip())}",
            "OS\t\t\tDebian 12 x64 (bookworm)",
            f"DEFAULT PASSWORD\t{g.s('password', g.mixed(B62 + '[]()#', 16))}",
            f"INTERNAL NETWORK\t{g.k('10.0.0.0/8')}",
        ]
    )


def cloud_scaleway(g: Gen) -> str:
    """Scaleway's config.yaml: an access key id and its secret key."""
    g.path, g.lang = "~/.config/scw/config.yaml", "yaml"
    return "\n".join(
        [
            f"access_key: SCW{g.chars(UPPER_ALNUM, 17)}",
            f"secret_key: {g.s('secret', g.uuid())}",
            f"default_organization_id: {g.uuid()}",
            "default_region: fr-par",
            "default_zone: fr-par-1",
            "profiles:",
            "  docs:",
            f"    secret_key: {g.k('<your-secret-key>')}",
        ]
    )


def cloud_ibm(g: Gen) -> str:
    """ibmcloud's API key creation."""
    g.path, g.lang = "ibmcloud.log", "console"
    key = g.s("api-key", g.mixed(B64URL, 44))
    return "\n".join(
        [
            "$ ibmcloud iam api-key-create ci-deployer -d 'CI pipeline'",
            "Creating API key ci-deployer...",
            "OK",
            "Please preserve the API key! It cannot be retrieved after it's created.",
            "",
            "ID            ApiKey-" + g.uuid(),
            "Name          ci-deployer",
            f"Created At    {g.ts()}",
            f"API Key       {key}",
            "Locked        false",
            "$ ibmcloud login --apikey @~/apikey.json -r us-south",
            "API endpoint: https://cloud.ibm.com",
        ]
    )


def cloud_doctl(g: Gen) -> str:
    """doctl's config.yaml, and sometimes a managed database's connection."""
    g.path, g.lang = "~/.config/doctl/config.yaml", "yaml"
    out = [f"access-token: {g.vendor('digitalocean-token')}", "context: default", f"# doctl {g.k('1.110.0')}"]
    if g.turn % 2:
        out += [
            "",
            "$ doctl databases connection " + g.k(g.uuid()) + " --format Host,Port,User,Password",
            "Host                                           Port     User       Password",
            f"db-pg-fra1-{g.num(10000, 99999)}.b.db.ondigitalocean.com    25060    doadmin    "
            + g.s("password", "AVNS_" + g.mixed(B62, 20)),
        ]
    return "\n".join(out)


# 5. social media APIs ----------------------------------------------------------------------------------


def soc_twitter(g: Gen) -> str:
    """An X API .env and the tweepy client built from it."""
    g.path, g.lang = ".env", "dotenv"
    if g.turn % 2 == 0:
        return "\n".join(
            [
                "# X developer portal: project 'release-bot'",
                f"X_BEARER_TOKEN={g.vendor('twitter-bearer')}",
                f"X_CLIENT_ID={g.mixed(B64URL, 34)}",
                f"X_CALLBACK={g.k('http://127.0.0.1:3000/callback')}",
            ]
        )
    cs = g.s("secret", g.mixed(B62, 50))
    return "\n".join(
        [
            "# bot.py",
            "client = tweepy.Client(",
            f'    consumer_key="{g.s("api-key", g.mixed(B62, 25))}",',
            f'    consumer_secret="{cs}",',
            f'    bearer_token="{g.vendor("twitter-bearer")}",',
            '    access_token=os.environ["X_ACCESS_TOKEN"],',
            f"    access_token_secret={g.k('os.environ[' + chr(34) + 'X_ACCESS_TOKEN_SECRET' + chr(34) + ']')},",
            ")",
        ]
    )


def soc_praw(g: Gen) -> str:
    """PRAW's praw.ini."""
    g.path, g.lang = "praw.ini", "ini"
    return "\n".join(
        [
            "[modbot]",
            f"client_id={g.mixed(B64URL, 22)}",
            f"client_secret={g.s('client-secret', g.mixed(B64URL, 30))}",
            f"username={g.user()}",
            f"password={g.s('password', g.password())}",
            "user_agent=linux:modbot:v0.4.1",
            "",
            "[template]",
            f"client_id={g.k('YOUR_CLIENT_ID')}",
            f"client_secret={g.k('YOUR_CLIENT_SECRET')}",
        ]
    )


def soc_mastodon(g: Gen) -> str:
    """Mastodon: an app's token used with curl and the account it answers with."""
    g.path, g.lang = "mastodon.sh", "console"
    tok = g.s("token", g.mixed(B64URL, 43))
    inst = g.pick(["mastodon.social", "fosstodon.org", "hachyderm.io"])
    return "\n".join(
        [
            f'$ export MASTODON_ACCESS_TOKEN="{tok}"',
            f'$ curl -s -H "Authorization: Bearer {g.k("$MASTODON_ACCESS_TOKEN")}" https://{inst}/api/v1/accounts/verify_credentials',
            json.dumps(
                {
                    "id": str(g.num(10**17, 10**18)),
                    "username": "releasebot",
                    "acct": "releasebot",
                    "display_name": "Release Bot",
                    "bot": True,
                    "created_at": g.ts(),
                    "url": f"https://{inst}/@releasebot",
                    "followers_count": g.num(10, 900),
                }
            ),
        ]
    )


def soc_bluesky(g: Gen) -> str:
    """Bluesky: an app password and the session it opens."""
    g.path, g.lang = "bsky.sh", "console"
    apw = g.s("password", "-".join(g.chars(LOWER_ALNUM, 4) for _ in range(4)))
    handle = f"{g.user()}.bsky.social"
    acc = g.s("jwt", g.jwt({"scope": "com.atproto.appPass"}))
    return "\n".join(
        [
            f"$ export BLUESKY_HANDLE={handle}",
            f"$ export BLUESKY_APP_PASSWORD={apw}",
            "$ curl -s -X POST https://bsky.social/xrpc/com.atproto.server.createSession \\",
            "    -H 'Content-Type: application/json' \\",
            f'    -d \'{{"identifier": "$BLUESKY_HANDLE", "password": "{g.k("$BLUESKY_APP_PASSWORD")}"}}\'',
            json.dumps(
                {
                    "did": "did:plc:" + g.chars(LOWER_ALNUM, 24),
                    "handle": handle,
                    "accessJwt": acc,
                    "active": True,
                }
            ),
        ]
    )


def soc_instagram(g: Gen) -> str:
    """Instagram Graph and Facebook tokens: an exchange and a call."""
    g.path, g.lang = "ig-token.sh", "console"
    return "\n".join(
        [
            '$ curl -s "https://graph.instagram.com/access_token?grant_type=ig_exchange_token'
            f'&client_secret={g.k("$IG_APP_SECRET")}&access_token=$SHORT"',
            _j({"access_token": g.vendor("instagram-token"), "token_type": "bearer", "expires_in": 5183944}),
            f'$ curl -s "https://graph.facebook.com/v19.0/me/accounts?access_token={g.vendor("facebook-token")}"',
            json.dumps(
                {
                    "data": [
                        {"name": "Fernhollow Bakery", "id": str(g.num(10**14, 10**15)), "tasks": ["ANALYZE"]}
                    ]
                }
            ),
        ]
    )


def soc_youtube(g: Gen) -> str:
    """YouTube Data API: a developer key in code, or the OAuth client file."""
    g.path, g.lang = "yt_search.py", "python"
    if g.turn % 2 == 0:
        return "\n".join(
            [
                "from googleapiclient.discovery import build",
                "",
                f'API_KEY = "{g.vendor("google-api-key")}"',
                'youtube = build("youtube", "v3", developerKey=API_KEY)',
                'req = youtube.search().list(part="snippet", q="release notes", maxResults=25)',
                f"# sample key from the docs: {g.k('YOUR_API_KEY')}",
            ]
        )
    g.path, g.lang = "client_secret.json", "json"
    cid = f"{g.num(10**11, 10**12)}-{g.chars(LOWER_ALNUM, 32)}.apps.googleusercontent.com"
    secret = {
        "installed": {
            "client_id": cid,
            "project_id": "yt-uploader",
            "token_uri": g.k("https://oauth2.googleapis.com/token"),
            "client_secret": g.vendor("google-client-secret"),
            "redirect_uris": ["http://localhost"],
            "developer_key": g.vendor("google-api-key"),
        }
    }
    return "$ cat client_secret.json\n" + _j(secret)


# 6. vector databases and LLM providers ------------------------------------------------------------------


def llm_env(g: Gen) -> str:
    """A RAG service's .env: a vector store and a model provider."""
    g.path, g.lang = ".env", "dotenv"
    cls = g.cycle(["groq-key", "together-key", "elevenlabs-key", "openai-key"])
    return "\n".join(
        [
            "# retrieval",
            f"PINECONE_API_KEY={g.vendor('pinecone-key')}",
            f"PINECONE_INDEX=docs-{g.num(1, 9)}",
            "# models",
            f"{cls.split('-')[0].upper()}_API_KEY={g.vendor(cls)}",
            f"COHERE_API_KEY={g.k('<your-api-key>')}",
            f"LANGFUSE_HOST={g.k('http://localhost:3000')}",
        ]
    )


def llm_clients(g: Gen) -> str:
    """Client construction in code: Qdrant or Weaviate."""
    g.path, g.lang = "rag/stores.py", "python"
    key = g.s("api-key", g.mixed(B64URL, 40))
    if g.turn % 2:
        body = [
            "from qdrant_client import QdrantClient",
            "",
            "qdrant = QdrantClient(",
            f'    url="https://{g.uuid()}.eu-central-1-0.aws.cloud.qdrant.io:6333",',
            f'    api_key="{key}",',
            ")",
        ]
    else:
        body = [
            "import weaviate",
            "from weaviate.classes.init import Auth",
            "",
            "wv = weaviate.connect_to_weaviate_cloud(",
            f'    cluster_url="https://{g.chars(LOWER_ALNUM, 20)}.c0.europe-west3.gcp.weaviate.cloud",',
            f'    auth_credentials=Auth.api_key("{key}"),',
            ")",
        ]
    return "\n".join(
        [*body, f'EMBED_MODEL_REV = "{g.k(g.sha())}"', f'LOCAL = "{g.k("http://localhost:6333")}"']
    )


def llm_curl(g: Gen) -> str:
    """A chat completion against Groq, Mistral or Together with curl -v."""
    g.path, g.lang = "curl.log", "console"
    prov = g.cycle(["groq", "mistral", "together"])
    if prov == "groq":
        host, key = "api.groq.com/openai/v1", g.vendor("groq-key")
    elif prov == "mistral":
        host, key = "api.mistral.ai/v1", g.s("api-key", g.mixed(B62, 32))
    else:
        host, key = "api.together.xyz/v1", g.vendor("together-key")
    return "\n".join(
        [
            f'$ curl -v https://{host}/chat/completions -H "Authorization: Bearer $API_KEY" -d @req.json',
            f"> POST /{host.split('/', 1)[1]}/chat/completions HTTP/2",
            f"> Host: {host.split('/')[0]}",
            f"> authorization: Bearer {key}",
            "> content-type: application/json",
            "< HTTP/2 200",
            f"< x-request-id: {g.k(g.uuid())}",
            f'{{"id":"chatcmpl-{g.mixed(B62, 24)}","object":"chat.completion","model":"llama-3.1-8b-instant",'
            f'"usage":{{"prompt_tokens":{g.num(10, 900)},"completion_tokens":3}}}}',
        ]
    )


def llm_traceback(g: Gen) -> str:
    """A traceback whose diagnose view prints the key it was called with."""
    g.path, g.lang = "worker.log", "pytb"
    key = g.s("api-key", g.mixed(B62, 40))
    return "\n".join(
        [
            "Traceback (most recent call last):",
            '  File "/srv/app/rerank.py", line 41, in rerank',
            '    resp = co.rerank(model="rerank-v3.5", query=q, documents=docs, top_n=5)',
            "           │       │                     │              └ ['Refunds are issued...', ...]",
            "           │       │                     └ 'refund policy'",
            f"           │       └ api_key = '{key}'",
            "           └ <cohere.client_v2.ClientV2 object at 0x7f3c2a1b5e50>",
            "cohere.errors.unauthorized_error.UnauthorizedError: status_code: 401, "
            "body: {'message': 'invalid api token'}",
            f"request id: {g.k(g.uuid())}",
        ]
    )


def llm_elevenlabs(g: Gen) -> str:
    """ElevenLabs text-to-speech from a shell script."""
    g.path, g.lang = "tts.sh", "bash"
    key = g.vendor("elevenlabs-key")
    voice = g.mixed(B62, 20)
    return "\n".join(
        [
            "#!/usr/bin/env bash",
            "set -euo pipefail",
            f'XI_KEY="{key}"',
            f"VOICE={voice}",
            'curl -sS -X POST "https://api.elevenlabs.io/v1/text-to-speech/$VOICE" \\',
            '  -H "xi-api-key: $XI_KEY" -H "Content-Type: application/json" \\',
            '  -d \'{"text": "Build finished.", "model_id": "eleven_multilingual_v2"}\' -o out.mp3',
            f"# voice settings exported {g.ts()}; checksum {g.k(g.hexs(64))}",
        ]
    )


def llm_hf(g: Gen) -> str:
    """huggingface-cli login and the stored token."""
    g.path, g.lang = "hf.sh", "console"
    tok = g.vendor("huggingface-token")
    return "\n".join(
        [
            f"$ huggingface-cli login --token {tok} --add-to-git-credential",
            "Token is valid (permission: write).",
            "Your token has been saved in your configured git credential helpers (store).",
            "Your token has been saved to /root/.cache/huggingface/token",
            "Login successful",
            "$ cat ~/.cache/huggingface/token",
            tok,
            f"$ git config --global user.email {g.k('noreply@github.com')}",
        ]
    )


def llm_litellm(g: Gen) -> str:
    """A LiteLLM proxy config mixing literal keys and environment references."""
    g.path, g.lang = "litellm.config.yaml", "yaml"
    return "\n".join(
        [
            "model_list:",
            "  - model_name: claude",
            "    litellm_params:",
            "      model: anthropic/claude-sonnet-4-5",
            f"      api_key: {g.vendor('anthropic-key') if g.turn % 2 == 0 else g.k('os.environ/ANTHROPIC_API_KEY')}",
            "  - model_name: llama-70b",
            "    litellm_params:",
            "      model: together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo",
            f"      api_key: {g.vendor('together-key')}",
            "general_settings:",
            f"  master_key: {g.k('os.environ/LITELLM_MASTER_KEY')}",
        ]
    )


# 7. cross-browser testing clouds -----------------------------------------------------------------------


def bx_browserstack_yml(g: Gen) -> str:
    """browserstack.yml with the account's key."""
    g.path, g.lang = "browserstack.yml", "yaml"
    key = g.s("api-key", g.mixed(B62, 20))
    ver = g.k(f"{g.num(120, 131)}.0.{g.num(6000, 6999)}.{g.num(10, 199)}")
    return "\n".join(
        [
            f"userName: {g.user()}_{g.mixed(B62, 6)}",
            f"accessKey: {key}",
            "buildName: checkout-e2e",
            "platforms:",
            "  - os: Windows",
            "    osVersion: 11",
            "    browserName: chrome",
            f"    browserVersion: {ver}",
            "  - deviceName: iPhone 15",
            "    osVersion: 17",
            "browserstackLocal: true",
            "parallelsPerPlatform: 2",
        ]
    )


def bx_wdio(g: Gen) -> str:
    """wdio.conf.js with Sauce Labs or LambdaTest credentials."""
    g.path, g.lang = "wdio.conf.js", "javascript"
    sauce = g.turn % 2 == 0
    key = g.s("api-key", g.uuid() if sauce else g.mixed(B62, 50))
    svc = "sauce" if sauce else "lambdatest"
    return "\n".join(
        [
            "exports.config = {",
            f"  user: {g.k('process.env.' + svc.upper() + '_USERNAME')},",
            f"  key: '{key}',",
            f"  services: [['{svc}', {{ tunnel: true }}]],",
            "  capabilities: [{ browserName: 'MicrosoftEdge', 'ms:edgeOptions': { args: ['--headless=new'] } }],",
            f"  baseUrl: '{g.k('http://localhost:4200')}',",
            "};",
        ]
    )


def bx_remote_url(g: Gen) -> str:
    """A Selenium remote hub URL carrying the key as its password."""
    g.path, g.lang = "conftest.py", "python"
    key = g.s("api-key", g.mixed(B62, 20))
    user = f"{g.user()}_{g.mixed(B62, 5)}"
    return "\n".join(
        [
            "from selenium import webdriver",
            "",
            "def remote_driver(options):",
            f'    hub = "https://{user}:{key}@hub-cloud.browserstack.com/wd/hub"',
            "    return webdriver.Remote(command_executor=hub, options=options)",
            "",
            "# pytest -n 4 --dist loadscope",
            f"# session {g.hexs(40)} on Chrome {g.k('126.0.6478.127')}",
        ]
    )


def bx_sauce_connect(g: Gen) -> str:
    """Sauce Connect started with its access key, and its log."""
    g.path, g.lang = "sc.log", "console"
    key = g.s("api-key", g.uuid())
    return "\n".join(
        [
            f"$ sc run -u {g.user()} -k {key} --region eu-central --tunnel-name ci-{g.num(1000, 9999)}",
            f"{g.ts()} [control] [INFO] Sauce Connect Proxy {g.k('5.2.1')}",
            f"{g.ts()} [control] [INFO] tunnel server: tunnel-eu-central-1.saucelabs.com",
            f"{g.ts()} [control] [INFO] Sauce Connect is up, you may start your tests",
            f"{g.ts()} [control] [INFO] proxying localhost for {g.k('127.0.0.1')}:3000",
            f"{g.ts()} [control] [INFO] api key {g.k('********')} masked in later lines",
        ]
    )


def bx_lambdatest(g: Gen) -> str:
    """LambdaTest capabilities JSON and its tunnel command."""
    g.path, g.lang = "lt-caps.json", "json"
    key = g.s("api-key", g.mixed(B62, 50))
    caps = {
        "browserName": "Chrome",
        "browserVersion": "latest",
        "LT:Options": {
            "platformName": "Windows 10",
            "build": "nightly",
            "user": g.user(),
            "accessKey": key,
            "tunnel": True,
            "w3c": True,
            "selenium_version": g.k("4.21.0"),
        },
    }
    return "\n".join(
        [
            _j(caps),
            "",
            f"$ ./LT --user $LT_USERNAME --key {g.k('$LT_ACCESS_KEY')} --tunnelName nightly",
            f"Tunnel ID: {g.num(1000000, 9999999)}",
            "You can start testing now",
        ]
    )


def bx_playwright(g: Gen) -> str:
    """Playwright connecting to BrowserStack with capabilities in the endpoint."""
    g.path, g.lang = "playwright.bs.ts", "typescript"
    key = g.s("api-key", g.mixed(B62, 20))
    user = f"{g.user()}_{g.mixed(B62, 5)}"
    return "\n".join(
        [
            "const caps = {",
            "  browser: 'chrome',",
            "  os: 'osx',",
            "  os_version: 'sonoma',",
            f"  'browserstack.username': '{user}',",
            f"  'browserstack.accessKey': '{key}',",
            "};",
            "const wsEndpoint = `wss://cdp.browserstack.com/playwright?caps=${encodeURIComponent(JSON.stringify(caps))}`;",
            f"// ws://{g.k('127.0.0.1')}:9222 for local runs",
        ]
    )


# 8. healthcare interfaces ------------------------------------------------------------------------------


def hc_hl7(g: Gen) -> str:
    """An HL7 v2 ADT message as a listener logged it."""
    g.path, g.lang = "adt_a01.hl7", "text"
    ssn = g.s("ssn", g.ssn())
    f, la = g.person()
    ctl = g.num(10**8, 10**9)
    return "\n".join(
        [
            f"INFO  MLLP listener accepted connection from {g.k(g.doc_ip())}:{g.num(40000, 60000)}",
            f"MSH|^~\\&|EPIC|HOSP1|MIRTH|LAB|{g.num(2025, 2026)}0{g.num(1, 9)}1{g.num(0, 9)}0930"
            f"||ADT^A01^ADT_A01|{ctl}|P|{g.k('2.5.1')}",
            f"EVN|A01|202605{g.num(10, 28)}0930",
            f"PID|1||{g.num(10**6, 10**7)}^^^HOSP1^MR||{la.upper()}^{f.upper()}^^^^^L"
            f"||19{g.num(50, 99)}0{g.num(1, 9)}1{g.num(0, 9)}"
            f"|{g.pick('FM')}|||{g.num(10, 999)} HARBOR ST^^SPRINGFIELD^IL^62701"
            f"||^PRN^PH^^1^217^{g.num(2000000, 9999999)}"
            f"|||||{g.num(10**5, 10**6)}|{ssn}",
            f"PV1|1|I|MED^{g.num(100, 400)}^A|||||||MED",
            f"INFO  ACK AA sent for control id {ctl}",
        ]
    )


def hc_fhir(g: Gen) -> str:
    """A FHIR transaction bundle with a Patient's identifiers."""
    g.path, g.lang = "bundle.json", "json"
    pid = g.k(g.uuid())
    ident: list[dict[str, str]] = [
        {"system": "http://hospital.example.org/mrn", "value": str(g.num(10**6, 10**7))}
    ]
    telecom: list[dict[str, str]] = []
    if g.turn % 2:
        ident.append({"system": "http://hl7.org/fhir/sid/us-ssn", "value": g.s("ssn", g.ssn(dashed=False))})
    else:
        telecom.append({"system": "email", "value": g.s("email", g.email()), "use": "home"})
    pat = {
        "resourceType": "Patient",
        "id": pid,
        "meta": {"versionId": "3", "source": "#" + g.mixed(B62, 16)},
        "identifier": ident,
        "telecom": telecom,
        "gender": g.pick(["female", "male"]),
        "birthDate": f"19{g.num(50, 99)}-0{g.num(1, 9)}-1{g.num(0, 9)}",
    }
    bundle = {
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [
            {"fullUrl": f"urn:uuid:{pid}", "resource": pat, "request": {"method": "POST", "url": "Patient"}}
        ],
    }
    return _j(bundle)


def hc_smart(g: Gen) -> str:
    """SMART on FHIR backend-services token exchange."""
    g.path, g.lang = "smart.sh", "console"
    assertion = g.s("jwt", g.jwt({"iss": "lab-sync", "aud": "https://fhir.harrowfield.health/auth/token"}))
    return "\n".join(
        [
            "$ curl -s -X POST https://fhir.harrowfield.health/auth/token \\",
            "    -d grant_type=client_credentials \\",
            "    -d scope=system/Patient.rs \\",
            "    -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \\",
            f"    -d client_assertion={assertion}",
            json.dumps(
                {
                    "access_token": g.s("token", g.mixed(B64URL, 64)),
                    "token_type": "Bearer",
                    "expires_in": 300,
                    "scope": "system/Patient.rs",
                }
            ),
            f"$ curl -s {g.k('https://fhir.harrowfield.health/r4/.well-known/smart-configuration')}",
        ]
    )


def hc_smart_app(g: Gen) -> str:
    """A confidential SMART app's settings."""
    g.path, g.lang = "smart-app.env", "dotenv"
    return "\n".join(
        [
            "SMART_CLIENT_ID=" + g.uuid(),
            f"SMART_CLIENT_SECRET={g.s('client-secret', g.mixed(B64URL, 48))}",
            "SMART_ISS=https://fhir.harrowfield.health/r4",
            f"SMART_REDIRECT_URI={g.k('http://localhost:4000/callback')}",
            f"SMART_SCOPES={g.k('launch openid fhirUser patient/*.rs offline_access')}",
        ]
    )


def hc_mirth(g: Gen) -> str:
    """A Mirth Connect channel export's database reader."""
    g.path, g.lang = "channel.xml", "xml"
    pw = g.s("password", g.password())
    return "\n".join(
        [
            f'<channel version="{g.k("4.5.2")}">',
            f"  <id>{g.uuid()}</id>",
            "  <name>LAB-RESULTS-IN</name>",
            '    <properties class="com.mirth.connect.connectors.jdbc.DatabaseReceiverProperties">',
            "      <driver>com.microsoft.sqlserver.jdbc.SQLServerDriver</driver>",
            "      <url>jdbc:sqlserver://lis-db:1433;databaseName=LIS</url>",
            "      <username>mirth_reader</username>",
            f"      <password>{pw}</password>",
            "      <select>SELECT * FROM results WHERE sent = 0</select>",
            "    </properties>",
            f"  <!-- exported by {g.k('admin@example.com')} -->",
            "</channel>",
        ]
    )


def hc_mirth_props(g: Gen) -> str:
    """mirth.properties: the database password and the keystore's."""
    g.path, g.lang = "conf/mirth.properties", "properties"
    return "\n".join(
        [
            "http.port = 8080",
            "https.port = 8443",
            f"keystore.storepass = {g.s('password', g.mixed(B62, 12))}",
            "database = postgres",
            f"database.url = jdbc:postgresql://{g.s('ip-address', g.private_ip())}:5432/mirthdb",
            "database.username = mirth",
            f"database.password = {g.k('changeme')}",
            f"server.id = {g.k(g.uuid())}",
        ]
    )


def hc_export(g: Gen) -> str:
    """A patient roster CSV an analyst exported."""
    g.path, g.lang = "roster.csv", "csv"
    f, la = g.person()
    return "\n".join(
        [
            "mrn,full_name,ssn,dob,clinic",
            f"{g.num(10**6, 10**7)},{g.s('person-name', f'{f} {la}')},{g.s('ssn', g.ssn())},"
            f"19{g.num(50, 99)}-0{g.num(1, 9)}-1{g.num(0, 9)},{g.pick(['north', 'east'])}",
            f"{g.num(10**6, 10**7)},{g.k('Jane Doe')},,1970-01-01,demo",
        ]
    )


# 9. identity verification and KYC -----------------------------------------------------------------------


def kyc_onfido(g: Gen) -> str:
    """Creating an Onfido applicant with curl."""
    g.path, g.lang = "onfido.sh", "console"
    tok = g.vendor("onfido-token")
    f, la = g.person()
    body = {"first_name": g.s("person-name", f), "last_name": g.s("person-name", la)}
    return "\n".join(
        [
            "$ curl -s -X POST https://api.eu.onfido.com/v3.6/applicants \\",
            f"    -H 'Authorization: Token token={tok}' \\",
            "    -H 'Content-Type: application/json' \\",
            f"    -d '{json.dumps(body)}'",
            json.dumps(
                {"id": g.k(g.uuid()), "created_at": g.ts(), "sandbox": False, "href": "/v3.6/applicants/..."}
            ),
        ]
    )


def kyc_onfido_cfg(g: Gen) -> str:
    """A KYC service's settings: the Onfido webhook token and Jumio's secret."""
    g.path, g.lang = "kyc/settings.py", "python"
    return "\n".join(
        [
            "import os",
            "",
            f'ONFIDO_API_TOKEN = os.getenv("ONFIDO_API_TOKEN", "{g.k("<onfido-api-token>")}")',
            f'ONFIDO_WEBHOOK_TOKEN = "{g.s("webhook-secret", g.mixed(B64URL, 32))}"',
            'ONFIDO_REGION = "EU"',
            f'REPORT_TEMPLATE = "{g.k("{{ applicant.first_name }}")}"',
        ]
    )


def kyc_jumio(g: Gen) -> str:
    """A Jumio callback's extracted data."""
    g.path, g.lang = "jumio-callback.json", "json"
    f, la = g.person()
    data = {
        "type": "PASSPORT",
        "issuingCountry": "NLD",
        "firstName": g.s("person-name", f),
        "lastName": g.s("person-name", la),
        "dateOfBirth": f"19{g.num(50, 99)}-03-14",
        "documentNumber": g.chars(UPPER_ALNUM, 9),
    }
    body = {
        "workflowExecution": {"id": g.k(g.uuid()), "status": "PROCESSED"},
        "capabilities": {"extraction": [{"data": data}]},
    }
    return _j(body)


def kyc_jumio_oauth(g: Gen) -> str:
    """Jumio's OAuth2 client credentials exchange."""
    g.path, g.lang = "jumio.sh", "console"
    cid = g.uuid()
    cs = g.s("client-secret", g.mixed(B62, 32))
    return "\n".join(
        [
            f"$ export JUMIO_CLIENT_ID={cid}",
            f"$ export JUMIO_CLIENT_SECRET={cs}",
            "$ curl -s -X POST https://auth.emea-1.jumio.ai/oauth2/token \\",
            f'    -u "$JUMIO_CLIENT_ID:{g.k("$JUMIO_CLIENT_SECRET")}" -d grant_type=client_credentials',
            json.dumps(
                {
                    "access_token": g.s("jwt", g.jwt({"scope": "kyc"})),
                    "expires_in": 3600,
                    "token_type": "Bearer",
                }
            ),
        ]
    )


def kyc_mrz(g: Gen) -> str:
    """An OCR log of a passport's MRZ and the record saved from it."""
    g.path, g.lang = "ocr.log", "text"
    f, la = g.person()
    line1 = f"P<UTO{la.upper()}<<{f.upper()}".ljust(44, "<")
    line2 = (
        f"{g.chars(UPPER_ALNUM, 9)}{g.num(0, 9)}UTO{g.num(50, 99)}0{g.num(1, 9)}1{g.num(0, 9)}{g.num(0, 9)}"
        f"F3{g.num(0, 9)}0{g.num(1, 9)}1{g.num(0, 9)}{g.num(0, 9)}"
    ).ljust(43, "<") + str(g.num(0, 9))
    rec = json.dumps({"full_name": g.s("person-name", f"{f} {la}"), "doc_type": "passport"})
    sample = json.dumps({"full_name": g.k("Jane Doe"), "email": g.k("jane@example.com")})
    return "\n".join(
        [
            f"[ocr] document detected: TD3 (passport), confidence 0.9{g.num(1, 9)}",
            "[ocr] mrz:",
            line1,
            line2,
            "[ocr] check digits ok: document number, birth date, expiry, composite",
            f"[kyc] saved record: {rec}",
            f"[kyc] sample record for docs: {sample}",
        ]
    )


def kyc_licence(g: Gen) -> str:
    """A driver's licence barcode as parsed into a record."""
    g.path, g.lang = "dl-parse.json", "json"
    f, la = g.person()
    rec = {
        "source": "PDF417",
        "aamva_version": "10",
        "fullName": g.s("person-name", f"{f} {la}"),
        "licenseNumber": f"D{g.num(10**6, 10**7)}",
        "address": {
            "street": f"{g.num(10, 999)} Orchard Ln",
            "city": "Madison",
            "state": "WI",
            "postalCode": "53703",
        },
        "ssn": g.s("ssn", g.ssn(dashed=False)),
    }
    return _j(rec)


def kyc_webhook(g: Gen) -> str:
    """A verification webhook received and checked."""
    g.path, g.lang = "webhook.log", "text"
    sec = g.s("webhook-secret", g.mixed(B64URL, 32))
    sig = g.hexs(64)
    return "\n".join(
        [
            "POST /webhooks/onfido HTTP/1.1",
            "Host: kyc.veridoc-kyc.io",
            f"X-SHA2-Signature: {sig}",
            "Content-Type: application/json",
            "",
            json.dumps(
                {
                    "payload": {
                        "resource_type": "check",
                        "action": "check.completed",
                        "object": {"id": g.k(g.uuid()), "status": "complete"},
                    }
                }
            ),
            "",
            f"DEBUG verify_signature(secret='{sec}', header='{sig[:12]}...') -> True",
        ]
    )


def kyc_export(g: Gen) -> str:
    """A KYC case export with a name and an SSN."""
    g.path, g.lang = "cases.csv", "csv"
    f, la = g.person()
    return "\n".join(
        [
            "case_id,full_name,tax_id_type,tax_id,decision",
            f"{g.num(10000, 99999)},{g.s('person-name', f'{f} {la}')},ssn,{g.s('ssn', g.ssn())},"
            f"{g.pick(['clear', 'consider'])}",
            f"{g.num(10000, 99999)},{g.k('John Doe')},ssn,,test",
        ]
    )


# 10. payment gateways ----------------------------------------------------------------------------------


def pay_adyen(g: Gen) -> str:
    """Adyen: the API key in the shell and a payment request with a test card."""
    g.path, g.lang = "adyen.sh", "console"
    key = g.vendor("adyen-key")
    return "\n".join(
        [
            f"$ export ADYEN_API_KEY='{key}'",
            "$ curl -s https://checkout-test.adyen.com/v71/payments \\",
            '    -H "X-API-Key: $ADYEN_API_KEY" -H "Content-Type: application/json" -d @payment.json',
            "$ cat payment.json",
            _j(
                {
                    "amount": {"currency": "EUR", "value": g.num(100, 99999)},
                    "reference": f"ORD-{g.num(10000, 99999)}",
                    "paymentMethod": {
                        "type": "scheme",
                        "number": g.k("4111 1111 4555 1142"),
                        "expiryMonth": "03",
                        "expiryYear": "2030",
                        "holderName": "John Smith",
                    },
                    "merchantAccount": "FernhollowECOM",
                }
            ),
        ]
    )


def pay_braintree(g: Gen) -> str:
    """Braintree credentials in a Rails config."""
    g.path, g.lang = "config/braintree.yml", "yaml"
    return "\n".join(
        [
            "production:",
            "  environment: production",
            f"  merchant_id: {g.chars(LOWER_ALNUM, 16)}",
            f"  public_key: {g.k(g.chars(LOWER_ALNUM, 16))}",
            f"  access_token: {g.vendor('braintree-token')}",
            "sandbox:",
            "  environment: sandbox",
            f"  private_key: {g.k('<use_your_private_key>')}",
            f"  test_card: {g.k('4111' + '1111' * 3)}",
        ]
    )


def pay_paypal(g: Gen) -> str:
    """PayPal's client-credentials exchange and its answer."""
    g.path, g.lang = "paypal.sh", "console"
    cid = "A" + g.mixed(B64URL, 79)
    cs = g.s("client-secret", "E" + g.mixed(B64URL, 79))
    tok = g.vendor("paypal-token")
    return "\n".join(
        [
            f'$ curl -s -u "{cid}:{cs}" https://api-m.paypal.com/v1/oauth2/token -d "grant_type=client_credentials"',
            json.dumps(
                {
                    "scope": "https://uri.paypal.com/services/payments/payment",
                    "access_token": tok,
                    "token_type": "Bearer",
                    "expires_in": 32400,
                }
            ),
            f"# debug id {g.k(g.hexs(13))}, sandbox buyer {g.k('sb-buyer@example.com')}",
        ]
    )


def pay_razorpay(g: Gen) -> str:
    """Razorpay's key pair and webhook secret in .env, and the check in code."""
    g.path, g.lang = ".env", "dotenv"
    return "\n".join(
        [
            f"RAZORPAY_KEY_ID=rzp_live_{g.mixed(B62, 14)}",
            f"RAZORPAY_KEY_SECRET={g.s('secret', g.mixed(B62, 24))}",
            f"RAZORPAY_WEBHOOK_SECRET={g.k('${RAZORPAY_WEBHOOK_SECRET}')}",
            "",
            "# payments/verify.py",
            "expected = hmac.new(settings.RAZORPAY_WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()",
            f"# example signature from the docs' sample payload: {g.k(g.hexs(64))}",
        ]
    )


def pay_mollie(g: Gen) -> str:
    """A Mollie payment's details with the payer's bank account."""
    g.path, g.lang = "mollie.log", "text"
    key = g.vendor("mollie-key")
    f, la = g.person()
    iban = g.s("iban", g.iban("NL"))
    return "\n".join(
        [
            f"MOLLIE_API_KEY={key}",
            f"GET https://api.mollie.com/v2/payments/tr_{g.mixed(B62, 10)}",
            _j(
                {
                    "resource": "payment",
                    "status": "paid",
                    "amount": {"value": f"{g.num(5, 500)}.00", "currency": "EUR"},
                    "method": "ideal",
                    "details": {
                        "consumerName": g.s("person-name", f"{f} {la}"),
                        "consumerAccount": iban,
                        "consumerBic": "INGBNL2A",
                    },
                }
            ),
            f"note: refund account on file failed validation: {g.k(g.bad_iban())}",
        ]
    )


def pay_paddle(g: Gen) -> str:
    """Paddle Billing: API key and a customer record."""
    g.path, g.lang = "paddle.ts", "typescript"
    f, la = g.person()
    return "\n".join(
        [
            "import { Paddle, Environment } from '@paddle/paddle-node-sdk';",
            f"const paddle = new Paddle('{g.vendor('paddle-key')}', {{ environment: Environment.production }});",
            f"const webhookSecret = process.env.{g.k('PADDLE_WEBHOOK_SECRET')};",
            "// customer.created payload",
            "// "
            + json.dumps(
                {
                    "id": "ctm_" + g.chars(LOWER_ALNUM, 26),
                    "name": g.s("person-name", f"{f} {la}"),
                    "email": g.s("email", g.email_for(f, la)),
                    "locale": "en",
                }
            ),
        ]
    )


def pay_card_log(g: Gen) -> str:
    """An application log that printed a card number, beside the processors' test cards."""
    g.path, g.lang = "app.log", "text"
    card = g.s("card-number", g.card())
    mail = g.s("email", g.email())
    return "\n".join(
        [
            f"WARN  checkout: tokenization failed, falling back; payload={{'card_number': '{card}', "
            f"'exp': '0{g.num(1, 9)}/2{g.num(7, 9)}', 'email': '{mail}'}}",
            f"INFO  sandbox smoke test charged {g.k('4242 4242 4242 4242')} ok",
            f"INFO  sandbox smoke test charged {g.k('5555' * 3 + '4444')} ok",
        ]
    )


def pay_sepa(g: Gen) -> str:
    """An ISO 20022 credit transfer: the creditor and the account paid."""
    g.path, g.lang = "pain.001.xml", "xml"
    return "\n".join(
        [
            "<CdtTrfTxInf>",
            f"  <PmtId><EndToEndId>E2E-{g.num(10**6, 10**7)}</EndToEndId></PmtId>",
            f'  <Amt><InstdAmt Ccy="EUR">{g.num(10, 9000)}.00</InstdAmt></Amt>',
            "  <CdtrAgt><FinInstnId><BIC>DEUTDEFFXXX</BIC></FinInstnId></CdtrAgt>",
            f"  <Cdtr><Nm>{g.s('person-name', g.full())}</Nm></Cdtr>",
            f"  <CdtrAcct><Id><IBAN>{g.s('iban', g.iban(g.cycle(['DE', 'AT', 'BE', 'GB'])))}</IBAN></Id></CdtrAcct>",
            "  <RmtInf><Ustrd>Invoice 2026-114</Ustrd></RmtInf>",
            "</CdtTrfTxInf>",
            f"<!-- schema {g.k('urn:iso:std:iso:20022:tech:xsd:pain.001.001.09')} -->",
        ]
    )


# 11. infrastructure-as-code state ---------------------------------------------------------------------


def iac_tfstate(g: Gen) -> str:
    """A terraform.tfstate with a database and an access key."""
    g.path, g.lang = "terraform.tfstate", "json"
    res: list[dict[str, object]] = []
    if g.turn % 2:
        res.append(
            {
                "mode": "managed",
                "type": "aws_iam_access_key",
                "name": "ci",
                "instances": [
                    {
                        "schema_version": 0,
                        "attributes": {
                            "id": g.vendor("aws-access-key"),
                            "user": "ci-deployer",
                            "status": "Active",
                            "secret": g.s("aws-secret-key", g.aws_secret()),
                        },
                    }
                ],
            }
        )
    else:
        res.append(
            {
                "mode": "managed",
                "type": "random_password",
                "name": "redis",
                "instances": [
                    {
                        "attributes": {
                            "length": 32,
                            "special": True,
                            "result": g.s("password", g.mixed(B62 + "!#%&*()-_=+[]{}<>:?", 32)),
                        }
                    }
                ],
            }
        )
    res.append(
        {
            "mode": "managed",
            "type": "aws_db_instance",
            "name": "main",
            "instances": [
                {
                    "attributes": {
                        "engine": "postgres",
                        "engine_version": g.k("16.4"),
                        "username": "app",
                        "password": g.s("password", g.password()),
                        "storage_encrypted": True,
                    }
                }
            ],
        }
    )
    state = {
        "version": 4,
        "terraform_version": g.k("1.9.8"),
        "serial": g.num(3, 300),
        "lineage": g.k(g.uuid()),
        "outputs": {},
        "resources": res,
        "check_results": None,
    }
    return _j(state)


def iac_tls(g: Gen) -> str:
    """A tls_private_key resource in state: the private PEM escaped, the public key beside it."""
    g.path, g.lang = "terraform.tfstate", "json"
    pem = g.pem("RSA PRIVATE KEY", g.num(600, 700))
    pub = g.ssh_public()
    g.s("private-key", jesc(pem))
    g.k(pub)
    res = {
        "mode": "managed",
        "type": "tls_private_key",
        "name": "deploy",
        "instances": [
            {
                "attributes": {
                    "algorithm": "RSA",
                    "rsa_bits": 4096,
                    "private_key_pem": pem,
                    "public_key_openssh": pub + "\n",
                    "id": g.sha(),
                }
            }
        ],
    }
    return _j({"version": 4, "resources": [res]})


def iac_output(g: Gen) -> str:
    """terraform show and terraform output -json."""
    g.path, g.lang = "tf.log", "console"
    pw = g.s("password", g.password())
    return "\n".join(
        [
            "$ terraform show",
            "# aws_db_instance.main:",
            'resource "aws_db_instance" "main" {',
            f'    address  = "main.{g.chars(LOWER_ALNUM, 12)}.eu-west-1.rds.amazonaws.com"',
            '    engine   = "postgres"',
            f"    password = {g.k('(sensitive value)')}",
            '    username = "app"',
            "}",
            "",
            "$ terraform output -json",
            _j(
                {
                    "db_password": {"sensitive": True, "type": "string", "value": pw},
                    "db_host": {
                        "sensitive": False,
                        "type": "string",
                        "value": g.s("ip-address", g.private_ip()),
                    },
                }
            ),
        ]
    )


def iac_pulumi(g: Gen) -> str:
    """Pulumi: the access token and config with secrets shown."""
    g.path, g.lang = "pulumi.log", "console"
    return "\n".join(
        [
            f"$ export PULUMI_ACCESS_TOKEN={g.vendor('pulumi-token')}",
            "$ pulumi config --show-secrets",
            "KEY                 VALUE",
            "aws:region          eu-central-1",
            f"dbPassword          {g.s('password', g.password())}",
            "",
            "$ pulumi stack export | jq '.deployment.resources[3].outputs.password'",
            json.dumps({"secure": "v1:" + g.mixed(B62 + "+/", 16) + ":" + g.mixed(B62 + "+/", 44)}),
            f"$ pulumi version\n{g.k('v3.142.0')}",
        ]
    )


def iac_cdk(g: Gen) -> str:
    """CDK: cdk.json context that grew a token, and a deploy's outputs."""
    g.path, g.lang = "cdk.json", "json"
    ctx = {
        "app": "npx ts-node --prefer-ts-exts bin/infra.ts",
        "context": {
            "@aws-cdk/aws-iam:minimizePolicies": True,
            "stage": "prod",
            "githubToken": g.vendor("github-token"),
            "alarmEmail": g.k("alerts@example.com"),
        },
    }
    arn = g.k(f"arn:aws:secretsmanager:eu-west-1:{g.num(10**11, 10**12)}:secret:prod/db-{g.mixed(B62, 6)}")
    return "\n".join(
        [
            _j(ctx),
            "",
            "$ npx cdk deploy --require-approval never",
            " ✅  InfraStack",
            "",
            "Outputs:",
            f"InfraStack.DbSecretArn = {arn}",
            f"InfraStack.BastionIp = {g.s('ip-address', g.public_ip())}",
        ]
    )


def iac_crossplane(g: Gen) -> str:
    """Crossplane: a ProviderConfig's secret reference and the credentials Secret it names."""
    g.path, g.lang = "crossplane.yaml", "yaml"
    creds = f"[default]\naws_access_key_id = {g.aws_key()}\naws_secret_access_key = {g.aws_secret()}\n"
    data = g.s("secret-data", g.b64(creds))
    return "\n".join(
        [
            "apiVersion: aws.upbound.io/v1beta1",
            "kind: ProviderConfig",
            "metadata:",
            "  name: default",
            "spec:",
            "  credentials:",
            "    source: Secret",
            "    secretRef:",
            "      namespace: crossplane-system",
            f"      name: {g.k('aws-secret')}",
            "      key: creds",
            "---",
            "$ kubectl -n crossplane-system get secret aws-secret -o yaml",
            "apiVersion: v1",
            "data:",
            f"  creds: {data}",
            "kind: Secret",
            "type: Opaque",
        ]
    )


def iac_connection(g: Gen) -> str:
    """A managed database's connection Secret written by Crossplane."""
    g.path, g.lang = "conn.yaml", "yaml"
    pw = g.s("secret-data", g.b64(g.password()))
    return "\n".join(
        [
            "$ kubectl get secret db-conn -o yaml",
            "apiVersion: v1",
            "kind: Secret",
            "metadata:",
            "  name: db-conn",
            "  namespace: app",
            "data:",
            f"  endpoint: {g.b64('orders.' + g.chars(LOWER_ALNUM, 12) + '.eu-west-1.rds.amazonaws.com')}",
            f"  password: {pw}",
            "  port: NTQzMg==",
            f"  username: {g.b64('orders_admin')}",
            "type: connection.crossplane.io/v1alpha1",
        ]
    )


def iac_tfrc(g: Gen) -> str:
    """Terraform Cloud credentials and a CI job's variables."""
    g.path, g.lang = "tfc.log", "console"
    tok = g.s("terraform-token", g.mixed(B62, 14) + ".atlasv1." + g.mixed(B62, 67))
    pw = g.s("password", g.password())
    return "\n".join(
        [
            "$ cat ~/.terraform.d/credentials.tfrc.json",
            json.dumps({"credentials": {"app.terraform.io": {"token": tok}}}, indent=2),
            f"$ export TF_VAR_db_password='{pw}'",
            f"$ export VAULT_TOKEN={g.vendor('vault-token')}",
            f"$ export TF_VAR_api_token='{g.k('${{ secrets.API_TOKEN }}')}'",
            "$ terraform plan -out tfplan",
            f"  + password = {g.k('(sensitive value)')}",
        ]
    )


# 12. Kubernetes GitOps and meshes ---------------------------------------------------------------------


def k8s_argocd(g: Gen) -> str:
    """Argo CD: the initial admin password, a login and an API token."""
    g.path, g.lang = "argocd.sh", "console"
    pw = g.s("password", g.mixed(B64URL, 16))
    out = [
        "$ kubectl -n argocd get secret argocd-initial-admin-secret -o jsonpath='{.data.password}' | base64 -d",
        pw,
        f"$ argocd login {g.k('localhost:8080')} --username admin --password {pw} --insecure",
        "'admin:login' logged in successfully",
    ]
    if g.turn % 2:
        out += [
            "$ argocd account generate-token --account ci",
            g.s("jwt", g.jwt({"iss": "argocd", "sub": "ci:apiKey"})),
        ]
    return "\n".join(out)


def k8s_argocd_secret(g: Gen) -> str:
    """argocd-secret: the bcrypt admin password and the server key."""
    g.path, g.lang = "argocd-secret.yaml", "yaml"
    return "\n".join(
        [
            "apiVersion: v1",
            "kind: Secret",
            "metadata:",
            "  name: argocd-secret",
            "  namespace: argocd",
            "type: Opaque",
            "stringData:",
            f"  admin.password: {g.s('credential', g.bcrypt())}",
            f"  admin.passwordMtime: '{g.ts()}'",
            f"  server.secretkey: {g.s('secret', g.mixed(B62 + '+/', 44))}",
            f"  webhook.github.secret: {g.k('$webhook-github-secret')}",
        ]
    )


def k8s_repo(g: Gen) -> str:
    """An Argo CD repository Secret with a token or an SSH key."""
    g.path, g.lang = "repo-secret.yaml", "yaml"
    out = [
        "apiVersion: v1",
        "kind: Secret",
        "metadata:",
        "  name: repo-fleet",
        "  namespace: argocd",
        "  labels:",
        "    argocd.argoproj.io/secret-type: repository",
        "stringData:",
        "  type: git",
    ]
    how = g.cycle(["gitlab-token", "ssh", "github-token"])
    if how != "ssh":
        out += [
            "  url: https://gitlab.com/acme-labs/fleet.git",
            "  username: git",
            f"  password: {g.vendor(how)}",
        ]
    else:
        key = g.s("private-key", g.openssh().replace("\n", "\n    "))
        out += [f"  url: {g.k('git@github.com')}:acme-labs/fleet.git", "  sshPrivateKey: |", "    " + key]
    return "\n".join(out)


def k8s_flux(g: Gen) -> str:
    """flux bootstrap with a token; the deploy key's public half and the commit stay."""
    g.path, g.lang = "flux.sh", "console"
    cls = g.cycle(["github-token", "gitlab-token"])
    host = cls.split("-")[0]
    return "\n".join(
        [
            f"$ export {host.upper()}_TOKEN={g.vendor(cls)}",
            f"$ flux bootstrap {host} --owner=acme-labs --repository=fleet --branch=main --path=clusters/prod",
            f"► connecting to {host}.com",
            "► generating source secret",
            f"✔ public key: {g.k(g.ssh_public())}",
            f'✔ committed sync manifests to "main" ("{g.k(g.sha())}")',
            f"✔ source-controller: deployment ready ({g.k('ghcr.io/fluxcd/source-controller:v1.4.1')})",
        ]
    )


def k8s_sealed(g: Gen) -> str:
    """Sealing a Secret: the literal on the command line, the sealed output beside it."""
    g.path, g.lang = "seal.sh", "console"
    pw = g.s("password", g.password())
    return "\n".join(
        [
            f"$ kubectl create secret generic db-creds -n shop --from-literal=password='{pw}' \\",
            "    --dry-run=client -o yaml | kubeseal --controller-namespace kube-system -o yaml > db-creds.sealed.yaml",
            "$ cat db-creds.sealed.yaml",
            "apiVersion: bitnami.com/v1alpha1",
            "kind: SealedSecret",
            "metadata:",
            "  name: db-creds",
            "  namespace: shop",
            "spec:",
            "  encryptedData:",
            f"    password: AgB{g.mixed(B62 + '+/', 120)}==",
            "  template:",
            "    metadata:",
            f'      annotations: {{ {g.k("sealedsecrets.bitnami.com/cluster-wide")}: "false" }}',
        ]
    )


def k8s_external(g: Gen) -> str:
    """external-secrets: the store's Vault token and the references that stay."""
    g.path, g.lang = "external-secrets.yaml", "yaml"
    return "\n".join(
        [
            "apiVersion: v1",
            "kind: Secret",
            "metadata:",
            "  name: vault-token",
            "stringData:",
            f"  token: {g.vendor('vault-token')}",
            "---",
            "apiVersion: external-secrets.io/v1beta1",
            "kind: ExternalSecret",
            "metadata:",
            "  name: payments-db",
            "spec:",
            "  refreshInterval: 1h",
            "  secretStoreRef:",
            "    name: vault-backend",
            "    kind: ClusterSecretStore",
            "  data:",
            "    - secretKey: password",
            "      remoteRef:",
            f"        key: {g.k('prod/payments/db-password')}",
            "        property: value",
        ]
    )


def k8s_external_aws(g: Gen) -> str:
    """A ClusterSecretStore's AWS credentials Secret."""
    g.path, g.lang = "aws-store.yaml", "yaml"
    return "\n".join(
        [
            "apiVersion: v1",
            "kind: Secret",
            "metadata:",
            "  name: awssm-secret",
            "  namespace: external-secrets",
            "stringData:",
            f"  access-key: {g.vendor('aws-access-key')}",
            f"  secret-access-key: {g.s('aws-secret-key', g.aws_secret())}",
            "---",
            "# documented sample, not ours:",
            f"# access-key: {g.k('AKIA' + 'IOSFODNN7' + 'EXAMPLE')}",
        ]
    )


def k8s_istio(g: Gen) -> str:
    """Istio: an EnvoyFilter adding an API key, and a JWT from a test call."""
    g.path, g.lang = "istio.yaml", "yaml"
    key = g.s("api-key", g.mixed(B62, 32))
    jwt = g.s("jwt", g.jwt({"iss": "https://auth.northwyre.co", "aud": "orders"}))
    return "\n".join(
        [
            "apiVersion: networking.istio.io/v1alpha3",
            "kind: EnvoyFilter",
            "metadata:",
            "  name: upstream-api-key",
            "spec:",
            "  configPatches:",
            "    - applyTo: HTTP_FILTER",
            "      patch:",
            "        operation: INSERT_BEFORE",
            "        value:",
            "          name: envoy.filters.http.lua",
            "          typed_config:",
            '            "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua',
            "            inlineCode: |",
            "              function envoy_on_request(h)",
            f'                h:headers():add("x-api-key", "{key}")',
            "              end",
            "---",
            f'$ curl -s -H "Authorization: Bearer {jwt}" http://{g.k("127.0.0.1")}:8080/orders '
            '-o /dev/null -w "%{http_code}"',
            "200",
        ]
    )


def k8s_certmanager(g: Gen) -> str:
    """cert-manager: an ACME issuer with its e-mail, a DNS token and an EAB key."""
    g.path, g.lang = "issuer.yaml", "yaml"
    return "\n".join(
        [
            "apiVersion: v1",
            "kind: Secret",
            "metadata:",
            "  name: cloudflare-api-token",
            "  namespace: cert-manager",
            "stringData:",
            f"  api-token: {g.s('api-key', g.mixed(B64URL, 40))}",
            "---",
            "apiVersion: cert-manager.io/v1",
            "kind: ClusterIssuer",
            "metadata:",
            "  name: letsencrypt-prod",
            "spec:",
            "  acme:",
            f"    email: {g.s('email', g.email())}",
            "    server: https://acme-v02.api.letsencrypt.org/directory",
            "    privateKeySecretRef:",
            f"      name: {g.k('letsencrypt-prod-account-key')}",
            "    externalAccountBinding:",
            f"      keyID: {g.mixed(B64URL, 22)}",
            "      keySecretRef:",
            "        name: eab-hmac",
            "        key: secret",
            "    solvers:",
            "      - dns01:",
            "          cloudflare:",
            "            apiTokenSecretRef:",
            "              name: cloudflare-api-token",
            "              key: api-token",
        ]
    )


def k8s_tls(g: Gen) -> str:
    """A certificate's key read back from its Secret."""
    g.path, g.lang = "tls.sh", "console"
    key = g.s(
        "private-key",
        g.pem("EC PRIVATE KEY", 119) if g.num(0, 1) else g.pem("PRIVATE KEY", g.num(1100, 1250)),
    )
    return "\n".join(
        [
            "$ kubectl -n istio-system get secret gateway-cert -o jsonpath='{.data.tls\\.key}' | base64 -d",
            key,
            "$ kubectl -n istio-system get gateway main -o jsonpath='{.spec.servers[0].tls.credentialName}'",
            g.k("gateway-cert"),
        ]
    )


def ide_npmrc(g: Gen) -> str:
    """A project .npmrc the editor opened, with the registry token."""
    g.path, g.lang = ".npmrc", "ini"
    return "\n".join(
        [
            "registry=https://registry.npmjs.org/",
            f"//registry.npmjs.org/:_authToken={g.vendor('npm-token')}",
            f"//npm.pkg.github.com/:_authToken={g.k('${GITHUB_TOKEN}')}",
            "@acme:registry=https://npm.pkg.github.com",
            "save-exact=true",
        ]
    )


def sec_nmap_xml(g: Gen) -> str:
    """nmap's XML output for one host."""
    g.path, g.lang = "scans/dmz.xml", "xml"
    ip = g.s("ip-address", g.private_ip())
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<nmaprun scanner="nmap" args="nmap -sV -oX dmz.xml {g.k("172.16.0.0/12")}" version="7.94">',
            f'<host starttime="{g.num(1780000000, 1790000000)}"><status state="up" reason="arp-response"/>',
            f'<address addr="{ip}" addrtype="ipv4"/>',
            f'<address addr="02:42:AC:{g.chars("0123456789ABCDEF", 2)}:00:02" addrtype="mac"/>',
            '<ports><port protocol="tcp" portid="6379"><state state="open"/>',
            f'<service name="redis" product="Redis key-value store" version="{g.k("7.2.4")}"/></port></ports>',
            '<hostnames><hostname name="cache.corp.lan" type="PTR"/></hostnames></host>',
            f'<runstats><finished timestr="{g.ts()}" exit="success"/></runstats>',
            "</nmaprun>",
        ]
    )


def sec_burp_xml(g: Gen) -> str:
    """A Burp 'save items' export with the request in clear."""
    g.path, g.lang = "burp-items.xml", "xml"
    jwt = g.s("jwt", g.jwt({"role": "support"}))
    sess = g.s("session-cookie", g.mixed(B64URL, 32))
    ga = g.k(f"_ga=GA1.1.{g.num(100000000, 999999999)}.{g.num(1700000000, 1790000000)}")
    host = g.pick(["app.northwyre.co", "admin.emberlyne.eu"])
    return "\n".join(
        [
            '<?xml version="1.0"?>',
            '<items burpVersion="2024.12.1" exportTime="Thu May 14 10:21:07 UTC 2026">',
            "  <item>",
            f"    <url><![CDATA[https://{host}/api/me]]></url>",
            f'    <host ip="{g.k(g.doc_ip())}">{host}</host>',
            "    <method><![CDATA[GET]]></method>",
            '    <request base64="false"><![CDATA[GET /api/me HTTP/1.1',
            f"Host: {host}",
            f"Authorization: Bearer {jwt}",
            f"Cookie: {ga}; session={sess}",
            "Accept: application/json",
            "]]></request>",
            "    <status>200</status>",
            "  </item>",
            "</items>",
        ]
    )


def mail_aerc(g: Gen) -> str:
    """aerc's accounts.conf: the password in the source URL, the outgoing one from a command."""
    g.path, g.lang = "~/.config/aerc/accounts.conf", "ini"
    mail = g.s("email", g.email())
    user = g.user()
    pw = g.s("password", g.url_password())
    return "\n".join(
        [
            "[Work]",
            f"source        = imaps://{user}:{pw}@imap.fastmail.com:993",
            f"outgoing      = smtps://{user}@smtp.fastmail.com:465",
            f"outgoing-cred-cmd = {g.k('pass show email/fastmail-app')}",
            "default       = INBOX",
            f"from          = {mail}",
            "copy-to       = Sent",
        ]
    )


def ide_tasks(g: Gen) -> str:
    """VS Code tasks.json logging in to a registry, beside an input prompt."""
    g.path, g.lang = ".vscode/tasks.json", "jsonc"
    pw = g.s("password", g.password())
    tasks = {
        "version": "2.0.0",
        "tasks": [
            {
                "label": "registry login",
                "type": "shell",
                "command": f"docker login -u ci-bot -p '{pw}' registry.tallowgate.org",
            },
            {
                "label": "migrate",
                "type": "shell",
                "command": "alembic upgrade head",
                "options": {"env": {"DB_PASSWORD": g.k("${input:dbPassword}")}},
            },
        ],
        "inputs": [{"id": "dbPassword", "type": "promptString", "password": True}],
    }
    return _j(tasks)


def ide_gradle(g: Gen) -> str:
    """~/.gradle/gradle.properties for publishing: repository and signing passwords."""
    g.path, g.lang = "~/.gradle/gradle.properties", "properties"
    return "\n".join(
        [
            "org.gradle.jvmargs=-Xmx4g",
            f"ossrhUsername={g.user()}",
            f"ossrhPassword={g.s('password', g.password())}",
            f"signing.keyId={g.k(g.chars('0123456789ABCDEF', 8))}",
            f"signing.password={g.s('password', g.password())}",
            "signing.secretKeyRingFile=/home/ci/.gnupg/secring.gpg",
        ]
    )


def cloud_ibm_cos(g: Gen) -> str:
    """An IBM Cloud Object Storage service credential with HMAC keys."""
    g.path, g.lang = "cos-credentials.json", "json"
    cred = {
        "apikey": g.s("api-key", g.mixed(B64URL, 44)),
        "cos_hmac_keys": {
            "access_key_id": g.s("api-key", g.hexs(32)),
            "secret_access_key": g.s("secret", g.hexs(48)),
        },
        "endpoints": "https://control.cloud-object-storage.cloud.ibm.com/v2/endpoints",
        "iam_apikey_description": "Auto-generated for key crn:v1:bluemix:public:cloud-object-storage:global",
        "iam_role_crn": g.k("crn:v1:bluemix:public:iam::::serviceRole:Writer"),
    }
    return "$ ibmcloud resource service-key cos-ci --output json | jq '.[0].credentials'\n" + _j(cred)


def soc_reddit_oauth(g: Gen) -> str:
    """Reddit's password grant with curl."""
    g.path, g.lang = "reddit.sh", "console"
    cid = g.mixed(B64URL, 22)
    cs = g.s("client-secret", g.mixed(B64URL, 30))
    pw = g.s("password", g.url_password())
    return "\n".join(
        [
            f'$ curl -s -X POST -A "digest-bot/0.3" -u "{cid}:{cs}" https://www.reddit.com/api/v1/access_token \\',
            f'    -d "grant_type=password&username={g.user()}&password={pw}"',
            json.dumps(
                {
                    "access_token": g.s("token", g.mixed(B64URL, 30) + "." + g.mixed(B64URL, 40)),
                    "token_type": "bearer",
                    "expires_in": 86400,
                    "scope": "*",
                }
            ),
        ]
    )


def llm_qdrant_docker(g: Gen) -> str:
    """A self-hosted Qdrant started with its API key, and a call to it."""
    g.path, g.lang = "qdrant.sh", "console"
    key = g.s("api-key", g.mixed(B62, 32))
    return "\n".join(
        [
            f"$ docker run -d -p 6333:6333 -e QDRANT__SERVICE__API_KEY={key} qdrant/qdrant:{g.k('v1.12.4')}",
            g.hexs(64),
            f"$ curl -s -H 'api-key: {key}' http://{g.k('localhost:6333')}/collections",
            '{"result":{"collections":[{"name":"docs"}]},"status":"ok","time":0.000012}',
        ]
    )


def bx_actions(g: Gen) -> str:
    """A CI workflow for BrowserStack and the log line that echoed the local binary's key."""
    g.path, g.lang = ".github/workflows/e2e.yml", "yaml"
    key = g.s("api-key", g.mixed(B62, 20))
    return "\n".join(
        [
            "env:",
            f"  BROWSERSTACK_USERNAME: {g.k('${{ secrets.BROWSERSTACK_USERNAME }}')}",
            "  BROWSERSTACK_ACCESS_KEY: ${{ secrets.BROWSERSTACK_ACCESS_KEY }}",
            "steps:",
            "  - uses: browserstack/github-actions/setup-local@master",
            "# job log:",
            f"Starting BrowserStackLocal --key {key} --local-identifier run-{g.num(1000, 9999)} --daemon start",
            "[SUCCESS] You can now access your local server(s) in our remote browser",
        ]
    )


def hc_oru(g: Gen) -> str:
    """An HL7 ORU^R01 result whose PID carries an e-mail address and an SSN."""
    g.path, g.lang = "oru_r01.hl7", "text"
    f, la = g.person()
    return "\n".join(
        [
            f"MSH|^~\\&|LIS|LAB1|EHR|HOSP1|20260514{g.num(1000, 2359)}||ORU^R01|{g.num(10**7, 10**8)}|P|{g.k('2.5.1')}",
            f"PID|1||{g.num(10**6, 10**7)}^^^HOSP1^MR||{la.upper()}^{f.upper()}"
            f"||1981{g.num(10, 12)}{g.num(10, 28)}|F|||"
            f"||^NET^Internet^{g.s('email', g.email_for(f, la))}|||||{g.s('ssn', g.ssn())}",
            f"OBR|1||{g.num(10**5, 10**6)}|{g.k('2345-7')}^Glucose^LN",
            f"OBX|1|NM|2345-7^Glucose^LN||{g.num(70, 140)}|mg/dL|70-99|N|||F",
        ]
    )


def kyc_webhook_create(g: Gen) -> str:
    """Registering an Onfido webhook: the answer holds its signing token."""
    g.path, g.lang = "onfido-webhook.sh", "console"
    return "\n".join(
        [
            "$ curl -s -X POST https://api.eu.onfido.com/v3.6/webhooks \\",
            '    -H "Authorization: Token token=$ONFIDO_API_TOKEN" \\',
            '    -d \'{"url": "https://kyc.veridoc-kyc.io/webhooks/onfido", "events": ["check.completed"]}\'',
            _j(
                {
                    "id": g.k(g.uuid()),
                    "url": "https://kyc.veridoc-kyc.io/webhooks/onfido",
                    "enabled": True,
                    "token": g.s("webhook-secret", g.mixed(B64URL, 32)),
                    "events": ["check.completed"],
                }
            ),
        ]
    )


def pay_razorpay_checkout(g: Gen) -> str:
    """Razorpay checkout options with the payer's prefill."""
    g.path, g.lang = "checkout.js", "javascript"
    f, la = g.person()
    return "\n".join(
        [
            "const options = {",
            f"  key: 'rzp_live_{g.mixed(B62, 14)}',",
            "  amount: 49900,",
            "  currency: 'INR',",
            f"  order_id: 'order_{g.mixed(B62, 14)}',",
            "  prefill: {",
            f"    name: '{g.s('person-name', f'{f} {la}')}',",
            f"    email: '{g.s('email', g.email_for(f, la))}',",
            "  },",
            f"  callback_url: '{g.k('http://localhost:8000/razorpay/callback')}',",
            "};",
        ]
    )


def iac_state_pull(g: Gen) -> str:
    """terraform state pull filtered to a storage account: its key, and the connection string holding it."""
    g.path, g.lang = "state.json", "json"
    key = g.s("secret", g.mixed(B62 + "+/", 86) + "==")
    acct = f"st{g.chars(LOWER_ALNUM, 12)}"
    attrs_ = {
        "name": acct,
        "primary_access_key": key,
        "primary_connection_string": f"DefaultEndpointsProtocol=https;AccountName={acct};AccountKey={key};"
        "EndpointSuffix=core.windows.net",
        "primary_blob_endpoint": f"https://{acct}.blob.core.windows.net/",
        "min_tls_version": g.k("TLS1_2"),
    }
    return (
        '$ terraform state pull | jq \'.resources[] | select(.type=="azurerm_storage_account")'
        " | .instances[0].attributes'\n" + _j(attrs_)
    )


def k8s_istio_ca(g: Gen) -> str:
    """Istio's CA Secret read back: the key's data goes, the names stay."""
    g.path, g.lang = "istio-ca.yaml", "yaml"
    key = g.s("secret-data", g.b64(g.pem("RSA PRIVATE KEY", 300)))
    return "\n".join(
        [
            "$ kubectl -n istio-system get secret istio-ca-secret -o yaml",
            "apiVersion: v1",
            "data:",
            f"  ca-key.pem: {key}",
            "kind: Secret",
            "metadata:",
            f"  name: {g.k('istio-ca-secret')}",
            "  namespace: istio-system",
            f"type: {g.k('istio.io/ca-root')}",
        ]
    )


KINDS: dict[str, list[tuple[str, Kind]]] = {
    "security-tooling": [
        ("nmap", sec_nmap),
        ("hydra", sec_hydra),
        ("sqlmap", sec_sqlmap),
        ("gitleaks", sec_gitleaks),
        ("trufflehog", sec_trufflehog),
        ("hashcat", sec_hashcat),
        ("burp", sec_burp),
        ("msf", sec_msf),
        ("nmap-xml", sec_nmap_xml),
        ("burp-xml", sec_burp_xml),
    ],
    "mail-dotfiles": [
        ("muttrc", mail_muttrc),
        ("msmtprc", mail_msmtprc),
        ("mbsync", mail_mbsync),
        ("offlineimap", mail_offlineimap),
        ("fetchmail", mail_fetchmail),
        ("prefs", mail_prefs),
        ("authinfo", mail_authinfo),
        ("aerc", mail_aerc),
    ],
    "ide-config": [
        ("datasources", ide_datasources),
        ("workspace", ide_workspace),
        ("vscode-settings", ide_vscode_settings),
        ("launch", ide_launch),
        ("http", ide_http),
        ("nvim", ide_nvim),
        ("http-env", ide_http_env),
        ("npmrc", ide_npmrc),
        ("tasks", ide_tasks),
        ("gradle", ide_gradle),
    ],
    "small-cloud-cli": [
        ("oci", cloud_oci),
        ("linode", cloud_linode),
        ("hcloud", cloud_hcloud),
        ("vultr", cloud_vultr),
        ("scaleway", cloud_scaleway),
        ("ibmcloud", cloud_ibm),
        ("doctl", cloud_doctl),
        ("ibm-cos", cloud_ibm_cos),
    ],
    "social-api": [
        ("x", soc_twitter),
        ("praw", soc_praw),
        ("mastodon", soc_mastodon),
        ("bluesky", soc_bluesky),
        ("instagram", soc_instagram),
        ("youtube", soc_youtube),
        ("reddit-oauth", soc_reddit_oauth),
    ],
    "vector-llm": [
        ("env", llm_env),
        ("clients", llm_clients),
        ("curl", llm_curl),
        ("traceback", llm_traceback),
        ("elevenlabs", llm_elevenlabs),
        ("hf", llm_hf),
        ("litellm", llm_litellm),
        ("qdrant-docker", llm_qdrant_docker),
    ],
    "browser-clouds": [
        ("browserstack-yml", bx_browserstack_yml),
        ("wdio", bx_wdio),
        ("remote-url", bx_remote_url),
        ("sauce-connect", bx_sauce_connect),
        ("lambdatest", bx_lambdatest),
        ("playwright", bx_playwright),
        ("actions", bx_actions),
    ],
    "healthcare": [
        ("hl7", hc_hl7),
        ("fhir", hc_fhir),
        ("smart", hc_smart),
        ("smart-app", hc_smart_app),
        ("mirth", hc_mirth),
        ("mirth-props", hc_mirth_props),
        ("roster", hc_export),
        ("oru", hc_oru),
    ],
    "kyc": [
        ("onfido", kyc_onfido),
        ("settings", kyc_onfido_cfg),
        ("jumio", kyc_jumio),
        ("jumio-oauth", kyc_jumio_oauth),
        ("mrz", kyc_mrz),
        ("licence", kyc_licence),
        ("webhook", kyc_webhook),
        ("export", kyc_export),
        ("webhook-create", kyc_webhook_create),
    ],
    "payments": [
        ("adyen", pay_adyen),
        ("braintree", pay_braintree),
        ("paypal", pay_paypal),
        ("razorpay", pay_razorpay),
        ("mollie", pay_mollie),
        ("paddle", pay_paddle),
        ("card-log", pay_card_log),
        ("sepa", pay_sepa),
        ("checkout", pay_razorpay_checkout),
    ],
    "iac-state": [
        ("tfstate", iac_tfstate),
        ("tls", iac_tls),
        ("output", iac_output),
        ("pulumi", iac_pulumi),
        ("cdk", iac_cdk),
        ("crossplane", iac_crossplane),
        ("connection", iac_connection),
        ("tfrc", iac_tfrc),
        ("state-pull", iac_state_pull),
    ],
    "gitops-mesh": [
        ("argocd", k8s_argocd),
        ("argocd-secret", k8s_argocd_secret),
        ("repo", k8s_repo),
        ("flux", k8s_flux),
        ("sealed", k8s_sealed),
        ("external", k8s_external),
        ("external-aws", k8s_external_aws),
        ("istio", k8s_istio),
        ("cert-manager", k8s_certmanager),
        ("tls", k8s_tls),
        ("istio-ca", k8s_istio_ca),
    ],
}


DOCS_PER_SETTING = 27


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """Build every document from one seeded generator; the same seed gives the same corpus."""
    rng = random.Random(seed)
    stamp = random.Random(seed ^ 0x5EED)
    gen = Gen(rng)
    docs: list[Document] = []
    for setting in SETTINGS:
        kinds = KINDS[setting]
        order = list(DELIVERIES) * (DOCS_PER_SETTING // len(DELIVERIES) + 1)
        rng.shuffle(order)
        for n in range(DOCS_PER_SETTING):
            kind_name, kind = kinds[n % len(kinds)]
            gen.reset()
            gen.turn = n // len(kinds)
            text = kind(gen)
            delivery = order[n]
            multiline = any("\n" in v for v in [*gen.secrets, *gen.keeps])
            if multiline and delivery not in ("plain", "fence"):
                delivery = "fence" if n % 2 else "plain"
            out = _deliver(text, delivery, gen, stamp)
            secrets, keeps = _label(out, gen, delivery)
            docs.append(Document(f"{setting}/{kind_name}/{n:02d}", setting, delivery, out, secrets, keeps))
    return docs


def corpus_digest(docs: Iterable[Document]) -> str:
    """A sha256 over the documents and their labels, to pin the corpus."""
    blob = json.dumps([attrs.asdict(d) for d in docs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def _windows(text: str) -> set[str]:
    return {text[i : i + 6] for i in range(len(text) - 5)}


def measure_documents(docs: Iterable[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregate recall, fragment-free recall, vendor recall and keep rate: figures only, no values."""
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

    def share(part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    return {
        "secrets": float(secrets),
        "recall": share(removed, secrets),
        "recall_no_fragment": share(clean, secrets),
        "vendor_prefix_recall": share(vendor_removed, vendor),
        "keep_rate": share(kept, spans),
        "spans": float(spans),
    }


def measure_held_back() -> dict[str, float]:
    """The real scrubber over this corpus; the maintainer runs it, the tests never do."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
