"""The twentysixth held-back scrub corpus.

Its twelve settings: game platform backends (PlayFab, the Steamworks web API, Epic Online Services, Nakama,
leaderboards with player data); AR/VR and 3D asset services (Unity Cloud, Sketchfab, Matterport, Meta Quest
developer tools); shipping and fulfilment (ShipStation, EasyPost, Shippo, Printful, label requests with
addresses, carrier accounts); audit logs of identity and cloud (AWS CloudTrail, Azure sign-in logs, the Okta
system log, Google Workspace audit exports); database migration and schema tools (Flyway, Liquibase, Alembic,
Prisma migrate, Atlas, connection URLs); message-broker administration (the RabbitMQ management API and
definitions, ActiveMQ, Redis Sentinel, Pulsar admin); cloud NoSQL databases (Cosmos DB keys, DynamoDB,
Firestore, Couchbase Capella, Neo4j Aura, Astra); survey and form tools (Typeform, SurveyMonkey, Google Forms
responses, Jotform webhooks, respondent exports); customer data platforms (Segment write keys, RudderStack,
Amplitude, Mixpanel, identify calls with traits); container registries (Harbor, Quay, ECR login, GHCR,
Artifactory, Docker config.json auths); remote desktop and support tools (TeamViewer, AnyDesk, Apache
Guacamole, RustDesk, VNC configs); clinical trials and EDC (REDCap API tokens, OpenClinica, subject lists,
adverse event exports).

Labels follow the scrubber's published policy alone (its package docstring): what it says goes is a `Secret`,
what it says stays and look-alikes holding nothing are `Keep`s, and what it leaves open is not labelled. Every
fake is drawn at build time from a seeded ``random.Random`` and is valid for its format (checksums, issuance
ranges, layouts). Each document is delivered one of six ways (plain, a JSON transcript line, a diff's added
lines, numbered lines, CI log lines, a Markdown fence), its labels being the text as delivered. The measure
reports aggregates only, never a value.
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
from collections.abc import Callable, Iterable

import attrs

DEFAULT_SEED = 20261226


@attrs.frozen
class Secret:
    """A value the policy says goes, as delivered, at its offset."""

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
    """One delivered text of a setting with its labels."""

    name: str
    setting: str
    delivery: str
    text: str
    secrets: tuple[Secret, ...]
    keeps: tuple[Keep, ...]


DELIVERIES = ("plain", "json", "diff", "numbered", "cilog", "fence")

# ---------------------------------------------------------------------------------------------------------
# Format checks (public: the tests hold the fakes to them).

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
HEX = "0123456789abcdef"
ALNUM = string.ascii_letters + string.digits
B64 = string.ascii_letters + string.digits + "+/"
B64URL = string.ascii_letters + string.digits + "-_"

BIP39_HEAD: tuple[str, ...] = tuple(
    """abandon ability able about above absent absorb abstract absurd abuse access accident account accuse
    achieve acid acoustic acquire across act action actor actress actual adapt add addict address
    adjust admit adult advance advice aerobic affair afford afraid again age agent agree ahead aim air
    airport aisle alarm album alcohol alert alien all alley allow almost alone alpha already also alter
    always amateur amazing among amount amused analyst anchor ancient anger angle angry animal ankle
    announce annual another answer antenna antique anxiety any apart apology appear apple approve april
    arch arctic area arena argue arm armed armor army around arrange arrest arrive arrow art artefact
    artist artwork ask aspect assault asset assist assume asthma athlete atom attack attend attitude
    attract auction audit august aunt author auto autumn average avocado""".split()  # noqa: SIM905
)

IBAN_LENGTHS = {"DE": 22, "GB": 22, "NL": 18, "FR": 27, "ES": 24, "BE": 16}


def _b62(n: int) -> str:
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = B62[d] + out
    return out.rjust(6, "0")


def crc_token_ok(token: str, prefix: str) -> bool:
    """A GitHub/npm-style token: prefix, 30 base62 characters and their CRC32 in 6 base62 characters."""
    if not token.startswith(prefix):
        return False
    body = token[len(prefix) :]
    if len(body) != 36 or any(ch not in B62 for ch in body):
        return False
    return _b62(zlib.crc32(body[:30].encode())) == body[30:]


def luhn_ok(number: str) -> bool:
    """The Luhn check of a card number written with or without blanks and dashes."""
    digits = re.sub(r"[ -]", "", number)
    if not digits.isdigit() or not 12 <= len(digits) <= 19:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def iban_ok(value: str) -> bool:
    """A known country's length and the mod-97 check, compact or in groups of four."""
    s = value.replace(" ", "")
    if IBAN_LENGTHS.get(s[:2]) != len(s) or not s.isalnum() or not s[2:4].isdigit():
        return False
    moved = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def ssn_ok(value: str) -> bool:
    """A US social security number inside the issuance ranges (3-2-4, dashed or not)."""
    m = re.fullmatch(r"(\d{3})-?(\d{2})-?(\d{4})", value)
    if not m:
        return False
    area, group, serial = m.groups()
    return area not in ("000", "666") and not area.startswith("9") and group != "00" and serial != "0000"


def _bip39_bits(words: list[str]) -> str:
    return "".join(format(BIP39_HEAD.index(w), "011b") for w in words)


def bip39_ok(phrase: str) -> bool:
    """Twelve words of the list's head whose last four bits are the SHA-256 checksum of the first 128."""
    words = phrase.split()
    if len(words) != 12 or any(w not in BIP39_HEAD for w in words):
        return False
    bits = _bip39_bits(words)
    entropy = int(bits[:128], 2).to_bytes(16, "big")
    return format(hashlib.sha256(entropy).digest()[0] >> 4, "04b") == bits[128:]


# ---------------------------------------------------------------------------------------------------------
# Fakes, all drawn from the build's random.Random.


def rs(r: random.Random, alphabet: str, n: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def crc_token(r: random.Random, prefix: str) -> str:
    body = rs(r, B62, 30)
    return prefix + body + _b62(zlib.crc32(body.encode()))


def card_number(r: random.Random, grouped: bool = False) -> str:
    head = r.choice(["4", "51", "52", "53", "54", "55", "37"])
    length = 15 if head == "37" else 16
    while True:
        body = head + rs(r, string.digits, length - len(head) - 1)
        for check in string.digits:
            if luhn_ok(body + check):
                number = body + check
                break
        if not number.startswith("4242"):
            break
    if grouped:
        return " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    return number


def iban(r: random.Random, grouped: bool = False) -> str:
    country = r.choice(["DE", "GB", "NL"])
    if country == "DE":
        bban = rs(r, string.digits, 18)
    elif country == "GB":
        bban = rs(r, string.ascii_uppercase, 4) + rs(r, string.digits, 14)
    else:
        bban = rs(r, string.ascii_uppercase, 4) + rs(r, string.digits, 10)
    num = int("".join(str(int(ch, 36)) for ch in bban + country + "00"))
    value = f"{country}{98 - num % 97:02d}{bban}"
    if grouped:
        return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return value


def ssn(r: random.Random, dashed: bool = True) -> str:
    while True:
        area = r.randint(1, 899)
        if area != 666:
            break
    value = f"{area:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
    return value if dashed else value.replace("-", "")


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt(r: random.Random, claims: dict[str, object] | None = None) -> str:
    header = b64u(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    iat = 1767225600 + r.randint(0, 9_000_000)
    body: dict[str, object] = {"sub": rs(r, string.digits, 8), "iat": iat, "exp": iat + 3600}
    body.update(claims or {})
    payload = b64u(json.dumps(body, separators=(",", ":")).encode())
    return f"{header}.{payload}.{b64u(r.randbytes(32))}"


DASHES = "-" * 5


def pem_key(r: random.Random, label: str = "RSA PRIVATE KEY") -> str:
    size = r.choice([600, 1190, 1216])
    der = bytes([0x30, 0x82, size >> 8, size & 0xFF]) + r.randbytes(size)
    b = base64.b64encode(der).decode()
    lines = [b[i : i + 64] for i in range(0, len(b), 64)]
    return "\n".join([f"{DASHES}BEGIN {label}{DASHES}", *lines, f"{DASHES}END {label}{DASHES}"])


def openssh_key(r: random.Random) -> str:
    body = b"openssh-key-v1\x00" + r.randbytes(r.choice([380, 400]))
    b = base64.b64encode(body).decode()
    lines = [b[i : i + 70] for i in range(0, len(b), 70)]
    label = "OPENSSH PRIVATE KEY"
    return "\n".join([f"{DASHES}BEGIN {label}{DASHES}", *lines, f"{DASHES}END {label}{DASHES}"])


def ssh_public(r: random.Random, comment: str) -> str:
    kind = b"ssh-ed25519"
    blob = len(kind).to_bytes(4, "big") + kind + (32).to_bytes(4, "big") + r.randbytes(32)
    return f"ssh-ed25519 {base64.b64encode(blob).decode()} {comment}"


def bip39_phrase(r: random.Random) -> str:
    idx = [r.randrange(128) for _ in range(11)]
    tail = format(r.randrange(8), "07b")
    bits = "".join(format(i, "011b") for i in idx) + tail
    entropy = int(bits, 2).to_bytes(16, "big")
    check = format(hashlib.sha256(entropy).digest()[0] >> 4, "04b")
    idx.append(int(tail + check, 2))
    return " ".join(BIP39_HEAD[i] for i in idx)


FIRST: tuple[str, ...] = tuple(
    """Amara Bastian Celine Dorian Elif Fintan Greta Hamza Ilse Joaquin Keiko Lorcan Maren Nikhil Odile
    Pavel Quilla Rasmus Soraya Tobias Ulla Vikram Wren Xiomara Yusuf Zofia Anselm Brigid Cosimo
    Delphine Emeka Freya Gideon Hester Ines Jarrah Kasimir Linnea Matthias Noor""".split()  # noqa: SIM905
)
LAST: tuple[str, ...] = tuple(
    """Abernathy Balogun Castellanos Drummond Eriksen Fairweather Gallagher Haddad Ilunga Jovanovic
    Kowalczyk Lindqvist Moreau Nakagawa Okonkwo Pellegrini Quintero Rautio Szabo Thorsby Underhill
    Vasquez Whitlock Yilmaz Zielinski Achterberg Brannigan Cardoso Delacroix Esposito Fonseca Grimaldi
    Holloway Iversen Kristoffersen Lachance Marchetti Novak Oyelaran Petrakis""".split()  # noqa: SIM905
)
DOMAINS = tuple(
    a + "." + b
    for a, b in [
        ("keelrow-games", "io"),
        ("brightfold", "co"),
        ("hollowmere", "net"),
        ("quillstone", "dev"),
        ("ambervale-health", "org"),
        ("northkeep", "app"),
        ("tidewright", "com"),
        ("lumenforge", "io"),
        ("pinecrest-trials", "org"),
        ("saltmarsh", "shop"),
    ]
)


def person(r: random.Random) -> tuple[str, str]:
    return r.choice(FIRST), r.choice(LAST)


def full_name(r: random.Random) -> str:
    return " ".join(person(r))


def email_for(r: random.Random, first: str, last: str, domain: str | None = None) -> str:
    d = domain or r.choice(DOMAINS)
    local = r.choice(
        [f"{first}.{last}", f"{first[0]}{last}", f"{first}{r.randint(1, 99)}", f"{last}.{first}"]
    )
    return f"{local.lower()}@{d}"


def email(r: random.Random) -> str:
    return email_for(r, *person(r))


def phone(r: random.Random) -> str:
    style = r.randrange(4)
    if style == 0:
        return f"+1 {r.randint(201, 989)} {r.randint(201, 989)} {r.randint(1000, 9999)}"
    if style == 1:
        return f"+44 7{r.randint(100, 999)} {r.randint(100000, 999999)}"
    if style == 2:
        return f"+49 15{r.randint(1, 9)} {r.randint(1000000, 9999999)}"
    return f"({r.randint(201, 989)}) {r.randint(201, 989)}-{r.randint(1000, 9999)}"


def password(r: random.Random) -> str:
    if r.random() < 0.4:
        word = r.choice(["lantern", "harbor", "copper", "maple", "quartz", "saffron", "ember", "tundra"])
        return (
            word.capitalize() + r.choice("!#%*") + rs(r, string.digits, 3) + rs(r, string.ascii_lowercase, 2)
        )
    return rs(r, ALNUM, r.randint(12, 18)) + r.choice("!#%*-_.") + rs(r, ALNUM, 3)


def url_password(r: random.Random) -> str:
    return rs(r, ALNUM, r.randint(14, 22)) + r.choice("-_.~") + rs(r, ALNUM, 3)


def private_ip(r: random.Random) -> str:
    while True:
        kind = r.randrange(3)
        if kind == 0:
            parts = [10, r.randint(0, 254), r.randint(0, 254), r.randint(2, 250)]
        elif kind == 1:
            parts = [172, r.randint(16, 31), r.randint(0, 254), r.randint(2, 250)]
        else:
            parts = [192, 168, r.randint(0, 254), r.randint(2, 250)]
        if len(set(parts)) > 1:
            return ".".join(map(str, parts))


def public_ip(r: random.Random) -> str:
    return ".".join(
        map(str, [r.choice([34, 52, 81, 85, 91, 104, 145, 185, 212]), *r.sample(range(1, 250), 3)])
    )


def uuid4(r: random.Random) -> str:
    h = rs(r, HEX, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{r.choice('89ab')}{h[17:20]}-{h[20:]}"


def hexs(r: random.Random, n: int) -> str:
    return rs(r, HEX, n)


def b64bytes(r: random.Random, n: int) -> str:
    return base64.b64encode(r.randbytes(n)).decode()


def bcrypt_hash(r: random.Random) -> str:
    alpha = "./" + string.ascii_uppercase + string.ascii_lowercase + string.digits
    return "$2" + r.choice("aby") + "$" + r.choice(["10", "12", "05"]) + "$" + rs(r, alpha, 53)


def sha512crypt(r: random.Random) -> str:
    alpha = "./" + string.ascii_uppercase + string.ascii_lowercase + string.digits
    return "$6$" + rs(r, alpha, 16) + "$" + rs(r, alpha, 86)


def version(r: random.Random) -> str:
    return f"{r.randint(1, 9)}.{r.randint(10, 40)}.{r.randint(0, 9)}"


def stamp(r: random.Random) -> str:
    return (
        f"2026-{r.randint(1, 11):02d}-{r.randint(10, 28):02d}T{r.randint(0, 23):02d}:"
        f"{r.randint(10, 59):02d}:{r.randint(10, 59):02d}Z"
    )


# Vendor tokens, each with its published prefix and length.
def tok_github(r: random.Random) -> str:
    return crc_token(r, r.choice(["gh" + "p_", "gh" + "o_"]))


def tok_npm(r: random.Random) -> str:
    return crc_token(r, "np" + "m_")


def tok_aws_id(r: random.Random, temp: bool = False) -> str:
    return ("AS" if temp else "AK") + "IA" + rs(r, string.ascii_uppercase + "234567", 16)


def tok_slack(r: random.Random) -> str:
    return "xo" + "xb-" + rs(r, string.digits, 11) + "-" + rs(r, string.digits, 13) + "-" + rs(r, ALNUM, 24)


def tok_stripe(r: random.Random) -> str:
    return r.choice(["sk", "rk"]) + "_li" + "ve_" + rs(r, ALNUM, r.choice([24, 99]))


def tok_google(r: random.Random) -> str:
    return "AI" + "za" + rs(r, B64URL, 35)


def tok_google_oauth(r: random.Random) -> str:
    return "GOC" + "SPX-" + rs(r, B64URL, 28)


def tok_sendgrid(r: random.Random) -> str:
    return "S" + "G." + rs(r, B64URL, 22) + "." + rs(r, B64URL, 43)


def tok_gitlab(r: random.Random) -> str:
    return "gl" + "pat-" + rs(r, B64URL, 20)


def tok_dockerhub(r: random.Random) -> str:
    return "dckr" + "_pat_" + rs(r, B64URL, 27)


def tok_shippo(r: random.Random) -> str:
    return "shippo" + "_live_" + hexs(r, 40)


def tok_easypost(r: random.Random) -> str:
    return "EZ" + "AK" + rs(r, string.ascii_lowercase + string.digits, 54)


def tok_openai(r: random.Random) -> str:
    return "sk-" + "proj-" + rs(r, B64URL, 58) + "T3Blbk" + "FJ" + rs(r, B64URL, 58)


def tok_hf(r: random.Random) -> str:
    return "h" + "f_" + rs(r, string.ascii_letters, 34)


def tok_typeform(r: random.Random) -> str:
    return "tf" + "p_" + rs(r, ALNUM, 44) + "_" + rs(r, ALNUM, 14)


def tok_artifactory(r: random.Random) -> str:
    return "cmVm" + "dGtu" + rs(r, ALNUM, 56)


def tok_grafana(r: random.Random) -> str:
    return "gl" + "sa_" + rs(r, ALNUM, 32) + "_" + hexs(r, 8)


def tok_astra(r: random.Random) -> str:
    return "Astra" + "CS:" + rs(r, string.ascii_letters, 24) + ":" + hexs(r, 64)


VENDOR_PREFIXES: dict[str, tuple[str, ...]] = {
    "github-token": ("gh" + "p_", "gh" + "o_"),
    "npm-token": ("np" + "m_",),
    "aws-access-key": ("AK" + "IA", "AS" + "IA"),
    "slack-token": ("xo" + "xb-",),
    "stripe-key": ("sk" + "_live_", "rk" + "_live_"),
    "google-api-key": ("AI" + "za",),
    "google-oauth-secret": ("GOC" + "SPX-",),
    "sendgrid-key": ("S" + "G.",),
    "gitlab-token": ("gl" + "pat-",),
    "dockerhub-token": ("dckr" + "_pat_",),
    "shippo-token": ("shippo" + "_live_",),
    "easypost-key": ("EZ" + "AK",),
    "openai-key": ("sk-" + "proj-",),
    "huggingface-token": ("h" + "f_",),
    "typeform-token": ("tf" + "p_",),
    "artifactory-token": ("cmVm" + "dGtu",),
    "grafana-token": ("gl" + "sa_",),
    "astra-token": ("Astra" + "CS:",),
}
VENDOR_CLASSES = frozenset(VENDOR_PREFIXES)


# ---------------------------------------------------------------------------------------------------------
# Building: a kind writes a text and registers its values; labels are found in the delivered text.


class Col:
    """What one document's writer registered: secrets by class, keeps, and how a diff or fence names it."""

    def __init__(self, nth: int = 0) -> None:
        self.nth = nth
        self.secrets: list[tuple[str, str]] = []
        self.keeps: list[str] = []
        self.path = "output.txt"
        self.lang = "text"

    def pick(self, n: int) -> int:
        """The variant of this occurrence of its kind, so that a setting shows every variant in turn."""
        return self.nth % n

    def s(self, cls: str, value: str) -> str:
        self.secrets.append((cls, value))
        return value

    def k(self, value: str) -> str:
        self.keeps.append(value)
        return value

    def name(self, r: random.Random) -> tuple[str, str, str]:
        """A person's first and last name and their full name, the full name registered."""
        first, last = person(r)
        return first, last, self.s("person-name", f"{first} {last}")


Kind = Callable[[random.Random, Col], str]


def _esc(value: str, delivery: str) -> str:
    return json.dumps(value, ensure_ascii=False)[1:-1] if delivery == "json" else value


def _deliver(r: random.Random, text: str, delivery: str, col: Col) -> str:
    lines = text.rstrip("\n").split("\n")
    if delivery == "plain":
        return text
    if delivery == "json":
        shape = r.randrange(3)
        obj: dict[str, object]
        if shape == 0:
            obj = {"type": "tool_result", "tool_use_id": "toolu_" + rs(r, ALNUM, 20), "content": text}
        elif shape == 1:
            obj = {"role": "tool", "name": "bash", "output": text}
        else:
            obj = {
                "event": "exec_command_end",
                "call_id": "call_" + rs(r, ALNUM, 10),
                "stdout": text,
                "exit": 0,
            }
        return json.dumps(obj, ensure_ascii=False)
    if delivery == "diff":
        head = (
            f"diff --git a/{col.path} b/{col.path}\nnew file mode 100644\nindex 0000000..{hexs(r, 7)}\n"
            f"--- /dev/null\n+++ b/{col.path}\n@@ -0,0 +1,{len(lines)} @@\n"
        )
        return head + "\n".join("+" + line for line in lines)
    if delivery == "numbered":
        start = r.choice([1, 1, 1, 18, 57])
        return "\n".join(f"{i:>6}\t{line}" for i, line in enumerate(lines, start))
    if delivery == "cilog":
        day, ms = r.randint(10, 28), r.randint(0, 36_000_000)
        out = []
        for line in lines:
            ms += r.randint(0, 2400)
            hh, rem = divmod(ms // 1000, 3600)
            mm, ss = divmod(rem, 60)
            out.append(
                f"2026-06-{day}T{8 + hh:02d}:{mm:02d}:{ss:02d}.{ms % 1000:03d}{r.randint(0, 9999):04d}Z {line}"
            )
        return "\n".join(out)
    intro = r.choice(["Here is the file:", "The command printed:", "Output:", "Current contents:"])
    return f"{intro}\n\n```{col.lang}\n{text.rstrip()}\n```\n"


def _occurrences(text: str, needle: str) -> list[int]:
    found, i = [], text.find(needle)
    while i >= 0:
        found.append(i)
        i = text.find(needle, i + len(needle))
    return found


def _label(text: str, col: Col, delivery: str) -> tuple[tuple[Secret, ...], tuple[Keep, ...]] | None:
    """Labels of every occurrence of each secret and one of each keep, or None where the writer clashed."""
    by_value: dict[str, str] = {}
    for cls, value in col.secrets:
        if by_value.setdefault(value, cls) != cls or not value:
            return None
    secrets: list[Secret] = []
    for value, cls in by_value.items():
        d = _esc(value, delivery)
        offs = _occurrences(text, d)
        if not offs:
            return None
        secrets.extend(Secret(cls, d, o) for o in offs)
    secrets.sort(key=lambda s: s.offset)
    for a, b in itertools.pairwise(secrets):
        if a.offset + len(a.text) > b.offset:
            return None
    keeps: list[Keep] = []
    for value in dict.fromkeys(col.keeps):
        d = _esc(value, delivery)
        offs = _occurrences(text, d)
        if not offs or any(d in s.text or s.text in d for s in secrets):
            return None
        for o in offs:
            if any(o < s.offset + len(s.text) and s.offset < o + len(d) for s in secrets):
                return None
        keeps.append(Keep(d, offs[0]))
    for a2, b2 in zip(
        sorted(keeps, key=lambda k: k.offset), sorted(keeps, key=lambda k: k.offset)[1:], strict=False
    ):
        if a2.offset + len(a2.text) > b2.offset:
            return None
    return tuple(secrets), tuple(keeps)


COMMENT = {
    "javascript": "//",
    "typescript": "//",
    "prisma": "//",
    "sql": "--",
    "bat": "REM",
    **{
        lang: "#"
        for lang in [
            "python",
            "yaml",
            "dotenv",
            "ini",
            "properties",
            "toml",
            "conf",
            "console",
            "text",
            "r",
            "hcl",
            "csv",
            "powershell",
        ]
    },
}


def _trailer(r: random.Random, col: Col) -> str:
    """A closing line or command of the kind these files and sessions end with, holding a look-alike that stays."""
    mark = COMMENT.get(col.lang)
    if mark is None or r.random() < 0.55:
        return ""
    pick = r.randrange(5)
    if col.lang == "console":
        if pick == 0:
            return f"$ git rev-parse HEAD\n{col.k(hexs(r, 40))}\n"
        if pick == 1:
            return f"$ curl -s http://{col.k('127.0.0.1')}:{r.choice([8080, 9000, 5000])}/healthz\nok\n"
        if pick == 2:
            return f"$ cat VERSION\n{col.k(version(r))}\n"
        if pick == 3:
            return f"$ uuidgen  # correlation id for the ticket\n{col.k(uuid4(r))}\n"
        return f"$ docker inspect --format '{{{{.Id}}}}' runner\n{col.k('sha256:' + hexs(r, 64))}\n"
    if pick == 0:
        line = r.choice(["checked against", "last edited at commit", "matches"]) + f" {col.k(hexs(r, 40))}"
    elif pick == 1:
        line = r.choice(["run id", "ticket correlation id", "generated by job"]) + f" {col.k(uuid4(r))}"
    elif pick == 2:
        line = r.choice(["tool version", "written by exporter", "schema"]) + f" {col.k(version(r))}"
    elif pick == 3:
        line = f"local mirror on {col.k('127.0.0.1')}:{r.choice([8080, 9000, 5000])}"
    else:
        line = f"base image {col.k('sha256:' + hexs(r, 64))}"
    return f"{mark} {line}\n"


def _document(r: random.Random, setting: str, kind: Kind, nth: int, name: str, delivery: str) -> Document:
    for _ in range(40):
        col = Col(nth)
        raw = kind(r, col)
        if not kind.__name__.startswith("light_"):
            raw += _trailer(r, col)
        chosen = delivery
        if any("\n" in v for _, v in col.secrets) and chosen not in ("plain", "fence"):
            chosen = r.choice(["plain", "fence"])
        text = _deliver(r, raw, chosen, col)
        labels = _label(text, col, chosen)
        if labels is not None:
            return Document(name, setting, chosen, text, *labels)
    raise ValueError(f"no clean document for {name}")


# ---------------------------------------------------------------------------------------------------------
# (1) Game platform backends.


def game_playfab(r: random.Random, c: Col) -> str:
    title = rs(r, string.ascii_uppercase + string.digits, 5)
    key = c.s("secret", rs(r, string.ascii_uppercase + string.digits, 52))
    first, last = person(r)
    mail = c.s("email", email_for(r, first, last))
    req = c.k(uuid4(r))
    v = c.pick(3)
    c.path, c.lang = "tools/playfab_lookup.py", "python"
    if v == 0:
        c.s("person-name", first)
        c.s("person-name", last)
        return (
            "import os, requests\n\n"
            f'TITLE_ID = "{title}"\n'
            f'SECRET_KEY = os.environ.get("PLAYFAB_SECRET_KEY", "{key}")\n\n'
            "def profile(playfab_id):\n"
            "    resp = requests.post(\n"
            f'        f"https://{{TITLE_ID}}.playfabapi.com/Server/GetPlayerProfile",\n'
            '        headers={"X-SecretKey": SECRET_KEY},\n'
            '        json={"PlayFabId": playfab_id, "ProfileConstraints": {"ShowContactEmailAddresses": True}},\n'
            "    )\n    return resp.json()\n\n"
            f"# last run ({req}):\n"
            f'# {{"code": 200, "data": {{"PlayerProfile": {{"DisplayName": "Tempest{r.randint(10, 99)}", '
            f'"ContactEmailAddresses": [{{"EmailAddress": "{mail}", "VerificationStatus": "Confirmed"}}], '
            f'"FirstName": "{first}", "LastName": "{last}"}}}}}}\n'
        )
    if v == 1:
        c.lang = "console"
        return (
            f"$ curl -s -X POST https://{title}.playfabapi.com/Admin/GetUserAccountInfo \\\n"
            f'    -H "Content-Type: application/json" -H "X-SecretKey: {key}" \\\n'
            f'    -d \'{{"PlayFabId": "{hexs(r, 16).upper()}"}}\' | jq .data.UserInfo\n'
            "{\n"
            f'  "PlayFabId": "{hexs(r, 16).upper()}",\n'
            f'  "Created": "{stamp(r)}",\n'
            '  "PrivateInfo": {\n'
            f'    "Email": "{mail}"\n'
            "  },\n"
            '  "TitleInfo": {\n'
            f'    "DisplayName": "{rs(r, string.ascii_letters, 8)}",\n'
            '    "Origination": "CustomId"\n'
            "  },\n"
            f'  "RequestId": "{req}"\n'
            "}\n"
        )
    c.lang, c.path = "ini", "Config/DefaultGame.ini"
    return (
        "[/Script/PlayFab.PlayFabRuntimeSettings]\n"
        f"TitleId={title}\n"
        "bUseVerticalDomain=True\n"
        f"DeveloperSecretKey={key}\n"
        f"; owner contact for the title: {mail}\n"
        f"; build pipeline run {req}\n"
    )


def game_steam(r: random.Random, c: Col) -> str:
    key = c.s("api-key", hexs(r, 32).upper())
    steamid = "7656119" + rs(r, string.digits, 10)
    name = c.name(r)[2]
    ip = c.s("ip-address", public_ip(r))
    c.path, c.lang = "scripts/steam_summary.sh", "console"
    v = c.pick(2)
    if v == 0:
        return (
            f"$ export STEAM_WEB_API_KEY={key}\n"
            '$ curl -s "https://partner.steam-api.com/ISteamUser/GetPlayerSummaries/v2/'
            f'?key=$STEAM_WEB_API_KEY&steamids={steamid}" | jq .response.players[0]\n'
            "{\n"
            f'  "steamid": "{steamid}",\n'
            '  "communityvisibilitystate": 3,\n'
            f'  "personaname": "{rs(r, string.ascii_lowercase, 7)}",\n'
            f'  "realname": "{name}",\n'
            f'  "loccountrycode": "{r.choice(["DE", "SE", "US", "PL"])}",\n'
            f'  "lastlogoff": {r.randint(1760000000, 1790000000)}\n'
            "}\n"
            f"# server browser showed the player's lobby at {ip}:27015\n"
        )
    ver = c.k(f"v{version(r)}")
    return (
        f"steamworks-proxy {ver} starting\n"
        f"GET /ISteamUserAuth/AuthenticateUserTicket/v1/?key={key}&appid={r.randint(400000, 2900000)}"
        f"&ticket={hexs(r, 48)} -> 200\n"
        f"player {steamid} authenticated from {ip}\n"
        f'GET /ISteamUser/GetPlayerSummaries/v2/ -> 200 {{"realname": "{name}", "loccountrycode": "FI"}}\n'
    )


def game_eos(r: random.Random, c: Col) -> str:
    cid = "xyza" + rs(r, string.ascii_lowercase + string.digits, 28)
    secret = c.s("secret", rs(r, B64URL, 43))
    product = hexs(r, 32)
    dep = c.k(uuid4(r)) if r.random() < 0.3 else hexs(r, 32)
    v = c.pick(3)
    if v == 0:
        c.path, c.lang = "Config/DefaultEngine.ini", "ini"
        return (
            "[/Script/OnlineSubsystemEOS.EOSSettings]\n"
            "DefaultArtifactName=Live\n"
            '+Artifacts=(ArtifactName="Live",\n'
            f'  ClientId="{cid}",\n'
            f'  ClientSecret="{secret}",\n'
            f'  ProductId="{product}",\n'
            f'  SandboxId="{hexs(r, 32)}",\n'
            f'  DeploymentId="{dep}",\n'
            '  EncryptionKey="' + c.s("secret", hexs(r, 64)) + '")\n'
        )
    if v == 1:
        basic = c.s("basic-auth", base64.b64encode(f"{cid}:{secret}".encode()).decode())
        c.path, c.lang = "logs/eos_token.log", "console"
        return (
            "$ curl -s https://api.epicgames.dev/auth/v1/oauth/token \\\n"
            f'    -H "Authorization: Basic {basic}" \\\n'
            f"    -d grant_type=client_credentials -d deployment_id={dep}\n"
            '{"access_token": "'
            + c.s("jwt", jwt(r, {"clid": cid}))
            + '", "token_type": "bearer", "expires_in": 3599}\n'
            f"# client secret was {secret} (rotate after the playtest)\n"
        )
    c.path, c.lang = ".env.eos", "dotenv"
    placeholder = c.k("<your-client-secret>")
    return (
        f"EOS_PRODUCT_ID={product}\n"
        f"EOS_DEPLOYMENT_ID={dep}\n"
        f"EOS_CLIENT_ID={cid}\n"
        f"EOS_CLIENT_SECRET={secret}\n"
        f"# the sample file ships EOS_CLIENT_SECRET={placeholder}\n"
    )


def game_nakama(r: random.Random, c: Col) -> str:
    pw = c.s("password", password(r))
    dbpw = c.s("url-password", url_password(r))
    host = c.s("ip-address", private_ip(r))
    loop = c.k("127.0.0.1")
    c.path, c.lang = "nakama/config.yml", "yaml"
    v = c.pick(2)
    if v == 0:
        return (
            "name: nakama-eu1\n"
            "data_dir: ./data/\n"
            "database:\n"
            "  address:\n"
            f"    - root:{dbpw}@{host}:26257\n"
            "socket:\n"
            f"  server_key: {c.s('secret', rs(r, ALNUM, 32))}\n"
            "  port: 7350\n"
            "session:\n"
            "  token_expiry_sec: 7200\n"
            "console:\n"
            "  port: 7351\n"
            "  username: admin\n"
            f"  password: {pw}\n"
            f"  address: {loop}\n"
        )
    c.lang = "console"
    sess = c.s("jwt", jwt(r, {"uid": uuid4(r), "usn": rs(r, string.ascii_lowercase, 8)}))
    return (
        f"$ nakama migrate up --database.address root:{dbpw}@{host}:26257\n"
        f'{{"level":"info","ts":"{stamp(r)}","caller":"migrate/migrate.go:154","msg":"Successfully applied '
        'migration","count":0}\n'
        f"$ curl -s -u admin:{pw} http://{loop}:7351/v2/console/authenticate -d '{{}}'\n"
        f'{{"token":"{sess}"}}\n'
    )


def game_leaderboard(r: random.Random, c: Col) -> str:
    rows = []
    for rank in range(1, r.randint(2, 3)):
        first, last, name = c.name(r)
        mail = c.s("email", email_for(r, first, last))
        rows.append((rank, uuid4(r), name, mail, r.randint(1000, 99999)))
    anon = c.k(uuid4(r))
    v = c.pick(2)
    if v == 0:
        c.path, c.lang = "exports/season4_top.csv", "csv"
        body = "rank,player_id,full_name,email,score\n" + "".join(
            f"{a},{b},{n},{m},{s}\n" for a, b, n, m, s in rows
        )
        return body + f"# export job {anon} finished\n"
    c.path, c.lang = "exports/season4_top.json", "json"
    items = [
        {
            "rank": a,
            "owner_id": b,
            "username": f"{n.split()[0].lower()}{s % 97}",
            "metadata": {"name": n, "email": m},
            "score": s,
        }
        for a, b, n, m, s in rows
    ]
    return (
        json.dumps({"leaderboard_id": "weekly_pvp", "records": items, "next_cursor": anon}, indent=2) + "\n"
    )


def game_wallet(r: random.Random, c: Col) -> str:
    phrase = c.s("recovery-phrase", bip39_phrase(r))
    c.path, c.lang = ".env.web3", "dotenv"
    placeholder = c.k("${TREASURY_MNEMONIC}")
    return (
        "# marketplace for in-game skins (testnet)\n"
        f"CHAIN_ID={r.choice([11155111, 80002, 84532])}\n"
        f'TREASURY_MNEMONIC="{phrase}"\n'
        f"RELAYER_URL=https://relayer.{r.choice(DOMAINS)}/v1\n"
        f"# docker-compose passes it on as {placeholder}\n"
    )


# ---------------------------------------------------------------------------------------------------------
# (2) AR/VR and 3D asset services.


def ar_unity(r: random.Random, c: Col) -> str:
    key_id = uuid4(r)
    secret = rs(r, ALNUM + "-_", 32)
    basic = base64.b64encode(f"{key_id}:{secret}".encode()).decode()
    project = c.k(uuid4(r))
    v = c.pick(3)
    c.s("basic-auth", basic) if v == 1 else c.s("secret", secret)
    if v == 0:
        c.path, c.lang = ".github/workflows/ugs-deploy.yml", "yaml"
        return (
            "jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n"
            f"      UGS_CLI_PROJECT_ID: {project}\n"
            f"      UGS_CLI_SERVICE_KEY_ID: {key_id}\n"
            f"      UGS_CLI_SERVICE_SECRET_KEY: {secret}\n"
            "    steps:\n      - run: ugs deploy ./remote-config --environment-name production\n"
        )
    if v == 1:
        c.path, c.lang = "logs/ccd.log", "console"
        return (
            f"$ curl -s https://services.api.unity.com/ccd/management/v1/projects/{project}/environments/"
            f"{uuid4(r)}/buckets -H 'Authorization: Basic {basic}'\n"
            f'[{{"id": "{uuid4(r)}", "name": "quest-assets", "private": true, "created": "{stamp(r)}"}}]\n'
        )
    c.path, c.lang = "~/.ugs/config.json", "json"
    return (
        json.dumps(
            {
                "project-id": project,
                "environment-name": "staging",
                "service-key-id": key_id,
                "service-secret-key": secret,
            },
            indent=2,
        )
        + "\n"
    )


def ar_sketchfab(r: random.Random, c: Col) -> str:
    tok = c.s("api-key", hexs(r, 32))
    uid = hexs(r, 32)
    c.path, c.lang = "pipeline/upload_sketchfab.py", "python"
    v = c.pick(2)
    sha = c.k(hexs(r, 40))
    if v == 0:
        return (
            "import requests\n\n"
            f"SKETCHFAB_API_TOKEN = '{tok}'  # TODO move to the vault\n"
            "MODEL_ENDPOINT = 'https://api.sketchfab.com/v3/models'\n\n"
            "def upload(path, name):\n"
            "    with open(path, 'rb') as fh:\n"
            "        r = requests.post(MODEL_ENDPOINT, headers={'Authorization': f'Token {SKETCHFAB_API_TOKEN}'},\n"
            "                          data={'name': name, 'isPublished': False}, files={'modelFile': fh})\n"
            "    return r.headers['Location']\n"
            f"# built from commit {sha}\n"
        )
    c.lang = "console"
    return (
        f"$ git log -1 --format=%H\n{sha}\n"
        f"$ curl -s -H 'Authorization: Token {tok}' https://api.sketchfab.com/v3/me/models | jq '.results[0].uid'\n"
        f'"{uid}"\n'
    )


def ar_matterport(r: random.Random, c: Col) -> str:
    tid = rs(r, ALNUM, 20).lower()
    tsecret = hexs(r, 64)
    basic = c.s("basic-auth", base64.b64encode(f"{tid}:{tsecret}".encode()).decode())
    cookie = c.s("session-cookie", rs(r, B64URL, 48))
    first, last, name = c.name(r)
    mail = c.s("email", email_for(r, first, last))
    c.path, c.lang = "logs/matterport.http", "http"
    return (
        "POST /api/models/graph HTTP/1.1\n"
        "Host: api.matterport.com\n"
        f"Authorization: Basic {basic}\n"
        "Content-Type: application/json\n\n"
        '{"query": "{ model(id: \\"' + rs(r, ALNUM, 11) + '\\") { name created owner { name email } } }"}\n\n'
        "HTTP/1.1 200 OK\n"
        f"Set-Cookie: mp_sess={cookie}; Path=/; Secure; HttpOnly\n\n"
        f'{{"data": {{"model": {{"name": "Warehouse B scan", "owner": {{"name": "{name}", "email": "{mail}"}}}}}}}}\n'
    )


def ar_quest(r: random.Random, c: Col) -> str:
    app_id = rs(r, string.digits, 16)
    secret = hexs(r, 32)
    ip = c.s("ip-address", private_ip(r))
    ver = c.k(version(r))
    v = c.pick(2)
    c.path, c.lang = "build/upload.log", "console"
    if v == 0:
        c.s("secret", secret)
        return (
            f"$ ovr-platform-util upload-quest-build --app-id {app_id} --app-secret {secret} \\\n"
            f"    --apk build/ArenaXR-{ver}.apk --channel ALPHA --age-group TEENS_AND_ADULTS\n"
            "Uploading APK... done\n"
            f"Build {rs(r, string.digits, 16)} uploaded to ALPHA (version {ver})\n"
            f"$ adb connect {ip}:5555\n"
            f"connected to {ip}:5555\n"
        )
    pw = c.s("password", password(r))
    return (
        "# android/keystore.properties, read by gradle for the Quest release\n"
        "storeFile=../keys/quest-release.jks\n"
        f"storePassword={pw}\n"
        "keyAlias=quest\n"
        f"keyPassword={pw}\n"
        f"# device farm headset at {ip}, firmware {ver}\n"
    )


def ar_assets_seed(r: random.Random, c: Col) -> str:
    phrase = c.s("recovery-phrase", bip39_phrase(r))
    c.path, c.lang = "mint/config.yaml", "yaml"
    pin = c.s("jwt", jwt(r, {"scopes": ["pinning"]}))
    return (
        "# minting 3D collectibles from the Sketchfab exports\n"
        "network: base-sepolia\n"
        f"seed_phrase: {phrase}\n"
        "ipfs:\n"
        "  gateway: https://gateway.pinata.cloud\n"
        f"  jwt: {pin}\n"
        f"collection_version: {c.k(version(r))}\n"
    )


def ar_hf(r: random.Random, c: Col) -> str:
    tok = c.s("huggingface-token", tok_hf(r))
    c.path, c.lang = "notebooks/mesh_gen.log", "console"
    sha = c.k(hexs(r, 40))
    return (
        f"$ HF_TOKEN={tok} python gen_mesh.py --model stabilityai/stable-fast-3d --input chair.png\n"
        f"Downloading model.safetensors (revision {sha})...\n"
        "Writing chair.glb (41,288 faces)\n"
    )


# ---------------------------------------------------------------------------------------------------------
# (3) Shipping and fulfilment.


def _street(r: random.Random) -> str:
    name = r.choice(["Linden", "Harbor", "Quarry", "Orchard", "Kestrel"])
    return f"{r.randint(2, 980)} {name} {r.choice(['St', 'Ave', 'Rd'])}"


def ship_easypost(r: random.Random, c: Col) -> str:
    key = c.s("easypost-key", tok_easypost(r))
    first, last, name = c.name(r)
    tel = c.s("phone", phone(r))
    mail = c.s("email", email_for(r, first, last))
    c.path, c.lang = "scripts/buy_label.sh", "console"
    doc_mail = c.k("support@example.com")
    return (
        f"$ curl -X POST https://api.easypost.com/v2/shipments -u {key}: \\\n"
        "    -H 'Content-Type: application/json' -d '{\n"
        '  "shipment": {\n'
        '    "to_address": {\n'
        f'      "name": "{name}",\n'
        f'      "street1": "{_street(r)}",\n'
        f'      "city": "Portland", "state": "OR", "zip": "97{r.randint(201, 299)}", "country": "US",\n'
        f'      "phone": "{tel}",\n'
        f'      "email": "{mail}"\n'
        "    },\n"
        '    "from_address": {"company": "Saltmarsh Goods", "street1": "1 Dock Rd", "city": "Tacoma",\n'
        f'                     "state": "WA", "zip": "98402", "email": "{doc_mail}"}},\n'
        '    "parcel": {"length": 9, "width": 6, "height": 2, "weight": 10}\n'
        "  }\n}'\n"
    )


def ship_shippo(r: random.Random, c: Col) -> str:
    key = c.s("shippo-token", tok_shippo(r))
    name = c.name(r)[2]
    tel = c.s("phone", phone(r))
    c.path, c.lang = "fulfil/shippo_client.py", "python"
    v = c.pick(2)
    obj = c.k(hexs(r, 32)) if v else hexs(r, 32)
    if v == 0:
        return (
            "import shippo\n"
            "from shippo.models import components\n\n"
            f'client = shippo.Shippo(api_key_header="ShippoToken {key}")\n\n'
            "address_to = components.AddressCreateRequest(\n"
            f'    name="{name}",\n'
            f'    street1="{_street(r)}",\n'
            '    city="Leeds", zip="LS1 4DY", country="GB",\n'
            f'    phone="{tel}",\n'
            ")\n"
        )
    c.lang = "console"
    return (
        f"$ curl -s https://api.goshippo.com/transactions/ -H 'Authorization: ShippoToken {key}' \\\n"
        f"    -d rate={obj} -d label_file_type=PDF -d async=false\n"
        f'{{"object_state": "VALID", "status": "SUCCESS", "rate": "{obj}", '
        f'"tracking_number": "9400{rs(r, string.digits, 8)}",\n'
        f' "address_to": {{"name": "{name}", "phone": "{tel}", "country": "GB"}}}}\n'
    )


def ship_shipstation(r: random.Random, c: Col) -> str:
    api_key = hexs(r, 32)
    api_secret = hexs(r, 32)
    basic = c.s("basic-auth", base64.b64encode(f"{api_key}:{api_secret}".encode()).decode())
    name = c.name(r)[2]
    tel = c.s("phone", phone(r))
    c.path, c.lang = "logs/shipstation.http", "http"
    test_card = c.k(" ".join(["4242"] * 4))
    return (
        "GET /orders?orderStatus=awaiting_shipment&pageSize=1 HTTP/1.1\n"
        "Host: ssapi.shipstation.com\n"
        f"Authorization: Basic {basic}\n\n"
        "HTTP/1.1 200 OK\nContent-Type: application/json\n\n"
        '{"orders": [{"orderNumber": "SM-' + rs(r, string.digits, 6) + '", "shipTo": {\n'
        f'  "name": "{name}", "street1": "{_street(r)}", "city": "Austin", "state": "TX",\n'
        f'  "postalCode": "787{r.randint(10, 99)}", "phone": "{tel}"}},\n'
        f'  "internalNotes": "paid in the sandbox with {test_card}"}}], "total": 1}}\n'
    )


def ship_printful(r: random.Random, c: Col) -> str:
    tok = c.s("token", rs(r, ALNUM, 40))
    first, last, name = c.name(r)
    mail = c.s("email", email_for(r, first, last))
    c.path, c.lang = "printful/order.json", "json"
    v = c.pick(2)
    if v == 0:
        c.lang = "dotenv"
        c.path = ".env.production"
        return (
            "PRINTFUL_STORE_ID=" + rs(r, string.digits, 8) + "\n"
            f"PRINTFUL_API_TOKEN={tok}\n"
            "PRINTFUL_API_URL=https://api.printful.com\n"
            f"# store owner: {name} <{mail}>\n"
            f"STRIPE_SECRET_KEY={c.s('stripe-key', tok_stripe(r))}\n"
        )
    return (
        "// POST https://api.printful.com/orders\n"
        f"// Authorization: Bearer {tok}\n"
        + json.dumps(
            {
                "recipient": {
                    "name": name,
                    "address1": _street(r),
                    "city": "Lyon",
                    "country_code": "FR",
                    "email": mail,
                },
                "items": [
                    {
                        "variant_id": r.randint(4000, 9000),
                        "quantity": 1,
                        "files": [{"url": "https://cdn.example.com/art/poster.png"}],
                    }
                ],
            },
            indent=2,
        )
        + "\n"
    )


def ship_carriers(r: random.Random, c: Col) -> str:
    ups = c.s("secret", rs(r, ALNUM, 64))
    fedex = c.s("secret", hexs(r, 32))
    v = c.pick(2)
    placeholder = c.k("changeme")
    if v == 0:
        c.path, c.lang = "config/carriers.yml", "yaml"
        return (
            "carriers:\n"
            "  ups:\n"
            f"    account_number: {rs(r, string.ascii_uppercase + string.digits, 6)}\n"
            f"    client_id: {rs(r, ALNUM, 48)}\n"
            f"    client_secret: {ups}\n"
            "  fedex:\n"
            f"    api_key: l7{hexs(r, 30)}\n"
            f"    secret_key: {fedex}\n"
            "  dhl:\n"
            f"    password: {placeholder}   # not live yet\n"
        )
    c.path, c.lang = "logs/carrier_setup.log", "console"
    iban_v = c.s("iban", iban(r, grouped=True))
    return (
        f"$ easypost carrier-accounts create --type UpsAccount --client-secret {ups}\n"
        f"created ca_{hexs(r, 32)}\n"
        f"$ easypost carrier-accounts create --type FedexAccount --secret-key {fedex} --password {placeholder}\n"
        "error: FedEx rejected the account: password is the sample value\n"
        f"# COD remittances go to {iban_v}\n"
    )


# ---------------------------------------------------------------------------------------------------------
# (4) Audit logs of identity and cloud.


def audit_cloudtrail(r: random.Random, c: Col) -> str:
    ip = c.s("ip-address", public_ip(r))
    akid = c.s("aws-access-key", tok_aws_id(r, temp=r.random() < 0.5))
    event_id = c.k(uuid4(r))
    account = rs(r, string.digits, 12)
    user = r.choice(["ci-deployer", "terraform", "backup-runner"])
    event = {
        "eventVersion": "1.09",
        "userIdentity": {
            "type": "IAMUser",
            "principalId": "AIDA" + rs(r, string.ascii_uppercase + "234567", 17),
            "arn": f"arn:aws:iam::{account}:user/{user}",
            "accountId": account,
            "accessKeyId": akid,
            "userName": user,
        },
        "eventTime": stamp(r),
        "eventSource": "dynamodb.amazonaws.com",
        "eventName": r.choice(["DescribeTable", "UpdateTable", "CreateBackup"]),
        "awsRegion": "eu-west-1",
        "sourceIPAddress": ip,
        "userAgent": "aws-cli/2.17.20 Python/3.11.9",
        "requestID": hexs(r, 8).upper() + rs(r, string.ascii_uppercase + string.digits, 44),
        "eventID": event_id,
        "readOnly": True,
    }
    v = c.pick(2)
    c.path, c.lang = "cloudtrail/event.json", "json"
    if v == 0:
        return json.dumps(event, indent=2) + "\n"
    doc = c.k("AK" + "IA" + "IOSFODNN7" + "EXAMPLE")
    c.lang = "console"
    return (
        "$ aws cloudtrail lookup-events --lookup-attributes AttributeKey=AccessKeyId,AttributeValue="
        f"{akid} --max-results 1 --query 'Events[0].CloudTrailEvent' --output text\n"
        + json.dumps(event)
        + f"\n# the runbook's example uses {doc}\n"
    )


def audit_azure(r: random.Random, c: Col) -> str:
    rows = []
    for _ in range(1):
        first, last, name = c.name(r)
        upn = c.s("email", email_for(r, first, last, "hollowmere.net"))
        ip = c.s("ip-address", public_ip(r))
        rows.append((name, upn, ip))
    corr = c.k(uuid4(r))
    v = c.pick(2)
    if v == 0:
        c.path, c.lang = "exports/InteractiveSignIns.csv", "csv"
        head = "Date (UTC),Request ID,User,Username,IP address,Application,Status,Correlation ID\n"
        body = "".join(
            f"{stamp(r)},{uuid4(r)},{n},{u},{ip},Azure Portal,{r.choice(['Success', 'Failure'])},{corr}\n"
            for n, u, ip in rows
        )
        return head + body
    c.path, c.lang = "logs/signins.json", "json"
    items = [
        {
            "createdDateTime": stamp(r),
            "userDisplayName": n,
            "userPrincipalName": u,
            "ipAddress": ip,
            "appDisplayName": "Microsoft Azure CLI",
            "correlationId": corr,
            "status": {"errorCode": 50126, "failureReason": "Invalid username or password."},
        }
        for n, u, ip in rows
    ]
    return (
        "$ az rest --url 'https://graph.microsoft.com/v1.0/auditLogs/signIns?$top=5'\n"
        + json.dumps({"value": items}, indent=2)
        + "\n"
    )


def audit_okta(r: random.Random, c: Col) -> str:
    tok = c.s("api-key", "00" + rs(r, B64URL, 40))
    first, last, name = c.name(r)
    mail = c.s("email", email_for(r, first, last, "brightfold.co"))
    ip = c.s("ip-address", public_ip(r))
    uuid = c.k(uuid4(r))
    v = c.pick(2)
    c.path, c.lang = "scripts/okta_syslog.sh", "console"
    head = (
        "$ curl -s -H 'Accept: application/json' \\\n"
        f"    -H 'Authorization: SSWS {tok}' \\\n"
        "    'https://brightfold.okta.com/api/v1/logs?filter=eventType+eq+\"user.session.start\"&limit=1'\n"
    )
    event = {
        "actor": {"id": "00u" + rs(r, ALNUM, 17), "type": "User", "alternateId": mail, "displayName": name},
        "client": {"ipAddress": ip, "geographicalContext": {"city": "Rotterdam", "country": "Netherlands"}},
        "eventType": "user.session.start",
        "outcome": {"result": "FAILURE", "reason": "INVALID_CREDENTIALS"},
        "uuid": uuid,
        "published": stamp(r),
    }
    if v == 0:
        return head + json.dumps([event], indent=2) + "\n"
    return head + json.dumps([event]) + "\n$ echo $?\n0\n"


def audit_workspace(r: random.Random, c: Col) -> str:
    v = c.pick(3)
    if v == 2:
        key = pem_key(r, "PRIVATE KEY") + "\n"
        c.s("private-key", json.dumps(key)[1:-1])
        kid = c.s("key-id", hexs(r, 40))
        c.path, c.lang = "secrets/audit-exporter.json", "json"
        project = r.choice(["audit-exporter-prod", "ws-logs-481"])
        return (
            json.dumps(
                {
                    "type": "service_account",
                    "project_id": project,
                    "private_key_id": kid,
                    "private_key": key,
                    "client_email": f"exporter@{project}.iam.gserviceaccount.com",
                    "client_id": rs(r, string.digits, 21),
                    "token_uri": "https://oauth2.googleapis.com/token",
                },
                indent=2,
            )
            + "\n"
        )
    rows = []
    for _ in range(r.randint(1, 2)):
        first, last = person(r)
        rows.append(
            (c.s("email", email_for(r, first, last, "quillstone.dev")), c.s("ip-address", public_ip(r)))
        )
    doc = c.k("admin@example.com")
    c.path, c.lang = "exports/login_audit.csv", "csv"
    project = r.choice(["audit-exporter-prod", "ws-logs-481"])
    if v == 1:
        kid = c.s("key-id", hexs(r, 40))
        c.lang = "console"
        listing = (
            f"$ gcloud iam service-accounts keys list --iam-account exporter@{project}.iam.gserviceaccount.com\n"
            "KEY_ID                                    CREATED_AT            EXPIRES_AT            DISABLED\n"
            f"{kid}  2026-01-0{r.randint(1, 9)}T10:00:00Z  9999-12-31T23:59:59Z\n"
            "$ python export_audit.py --app login --days 1 && cat login_audit.csv\n"
        )
    else:
        listing = ""
    head = "Date,Event name,Description,Actor,IP address\n"
    body = "".join(f"{stamp(r)},Failed login,{m} failed to login,{m},{ip}\n" for m, ip in rows)
    return (
        listing
        + head
        + body
        + f"{stamp(r)},Password change,{doc} changed the password of a test account,{doc},\n"
    )


# ---------------------------------------------------------------------------------------------------------
# (5) Database migration and schema tools.


def db_flyway(r: random.Random, c: Col) -> str:
    host = c.s("ip-address", private_ip(r))
    pw = c.s("password", password(r))
    ver = c.k(f"10.{r.randint(10, 22)}.{r.randint(0, 5)}")
    v = c.pick(3)
    if v == 0:
        c.path, c.lang = "conf/flyway.conf", "properties"
        return (
            f"flyway.url=jdbc:postgresql://{host}:5432/orders\n"
            "flyway.user=flyway_owner\n"
            f"flyway.password={pw}\n"
            "flyway.schemas=public,audit\n"
            "flyway.locations=filesystem:sql/migrations\n"
            f"# pinned to Flyway {ver}\n"
        )
    if v == 1:
        c.path, c.lang = "flyway.toml", "toml"
        return (
            "[environments.prod]\n"
            f'url = "jdbc:mysql://{host}:3306/ledger"\n'
            'user = "migrator"\n'
            f'password = "{pw}"\n\n'
            "[flyway]\n"
            'locations = ["filesystem:migrations"]\n'
            f"# flyway-core {ver}\n"
        )
    c.path, c.lang = "logs/migrate.log", "console"
    return (
        f"$ flyway -url=jdbc:postgresql://{host}:5432/orders -user=flyway_owner -password='{pw}' migrate\n"
        f"Flyway Community Edition {ver} by Redgate\n"
        f"Database: jdbc:postgresql://{host}:5432/orders (PostgreSQL 16.4)\n"
        "Successfully validated 42 migrations (execution time 00:00.081s)\n"
        'Current version of schema "public": 41\n'
        'Migrating schema "public" to version "42 - add shipment index"\n'
    )


def db_liquibase(r: random.Random, c: Col) -> str:
    pw = c.s("password", password(r))
    host = c.s("ip-address", private_ip(r))
    v = c.pick(2)
    sha = c.k(hexs(r, 40))
    if v == 0:
        c.path, c.lang = "liquibase.properties", "properties"
        return (
            "changeLogFile=db/changelog/db.changelog-master.yaml\n"
            f"url=jdbc:sqlserver://{host}:1433;databaseName=claims;encrypt=true\n"
            "username=lb_deploy\n"
            f"password={pw}\n"
            f"liquibase.hub.mode=off\n# generated by the pipeline at {sha}\n"
        )
    c.path, c.lang = "ci/liquibase.log", "console"
    return (
        f"Checking out {sha}\n"
        f"$ liquibase --url='jdbc:oracle:thin:@{host}:1521/ORCLPDB1' --username=APP_OWNER "
        f"--password={pw} update\n"
        "Liquibase Community 4.29.2 by Liquibase\n"
        "Running Changeset: db/changelog/2026/06-add-audit.yaml::1717-1::ops\n"
        "Liquibase command 'update' was executed successfully.\n"
    )


def db_alembic(r: random.Random, c: Col) -> str:
    pw = c.s("url-password", url_password(r))
    host = r.choice(["db-primary.internal", "pg.ledger.svc", "orders-db.cluster-local"])
    v = c.pick(3)
    if v == 0:
        c.path, c.lang = "alembic.ini", "ini"
        placeholder = c.k("${DATABASE_URL}")
        return (
            "[alembic]\n"
            "script_location = migrations\n"
            f"# sqlalchemy.url = {placeholder}\n"
            f"sqlalchemy.url = postgresql+psycopg2://ledger_app:{pw}@{host}:5432/ledger\n"
        )
    if v == 1:
        c.path, c.lang = "migrations/versions/0007_seed_admin.py", "python"
        h = c.s("password-hash", bcrypt_hash(r))
        rev = hexs(r, 12)
        return (
            f'"""seed the admin user\n\nRevision ID: {rev}\nRevises: {hexs(r, 12)}\n"""\n'
            "from alembic import op\n\n"
            f'revision = "{rev}"\n\n'
            "def upgrade():\n"
            '    op.execute("INSERT INTO users (username, password_hash, is_admin) VALUES "\n'
            f"               \"('admin', '{h}', true)\")\n"
            f"# tested against postgresql://ledger_app:{pw}@{host}:5432/ledger_test\n"
        )
    c.path, c.lang = "logs/alembic.txt", "console"
    return (
        f"$ DATABASE_URL=postgresql://ledger_app:{pw}@{host}/ledger alembic upgrade head\n"
        "INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.\n"
        "INFO  [alembic.runtime.migration] Will assume transactional DDL.\n"
        "Traceback (most recent call last):\n"
        '  File "/srv/app/migrations/env.py", line 71, in run_migrations_online\n'
        "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "
        f'"{host}" ({c.s("ip-address", private_ip(r))}), port 5432 failed: FATAL:  password authentication '
        'failed for user "ledger_app"\n'
    )


def db_prisma(r: random.Random, c: Col) -> str:
    pw = c.s("url-password", url_password(r))
    pw2 = c.s("url-password", url_password(r))
    host = r.choice(
        ["aws-0-eu-central-1.pooler.supabase.com", "ep-cool-pine-123.neon.tech", "db.railway.internal"]
    )
    v = c.pick(2)
    if v == 0:
        c.path, c.lang = ".env", "dotenv"
        return (
            f'DATABASE_URL="postgresql://app:{pw}@{host}:6543/postgres?pgbouncer=true"\n'
            f'DIRECT_URL="postgresql://app:{pw}@{host}:5432/postgres"\n'
            f'SHADOW_DATABASE_URL="postgresql://shadow:{pw2}@{c.k("localhost")}:5433/shadow"\n'
        )
    c.path, c.lang = "logs/prisma.log", "console"
    return (
        "$ npx prisma migrate deploy\n"
        "Environment variables loaded from .env\n"
        "Prisma schema loaded from prisma/schema.prisma\n"
        f'Datasource "db": PostgreSQL database "postgres", schema "public" at "{host}:5432"\n\n'
        "Error: P1001: Can't reach database server\n"
        f"$ cat .env | grep URL\nDATABASE_URL=postgresql://app:{pw}@{host}:5432/postgres\n"
        f"SHADOW_DATABASE_URL=mysql://root:{pw2}@{c.k('127.0.0.1')}:3307/shadow\n"
    )


def db_atlas(r: random.Random, c: Col) -> str:
    pw = c.s("url-password", url_password(r))
    host = c.s("ip-address", private_ip(r))
    v = c.pick(2)
    dev = c.k("docker://mysql/8/dev")
    if v == 0:
        c.path, c.lang = "atlas.hcl", "hcl"
        return (
            'env "prod" {\n'
            f'  url = "mysql://root:{pw}@{host}:3306/shop"\n'
            f'  dev = "{dev}"\n'
            '  migration {\n    dir = "file://migrations"\n  }\n}\n'
        )
    c.path, c.lang = "logs/atlas.log", "console"
    mig = f"2026061{r.randint(1, 9)}" + f"{r.randint(10, 23)}1522"
    return (
        f'$ atlas migrate apply --env prod --url "mysql://root:{pw}@{host}:3306/shop" --dev-url {dev}\n'
        f"Migrating to version {mig} (1 migrations in total):\n"
        f"  -- migrating version {mig}\n"
        "    -> ALTER TABLE `orders` ADD INDEX `idx_status` (`status`);\n"
        "  -------------------------\n  -- 1 migration\n  -- 1 sql statement\n"
    )


# ---------------------------------------------------------------------------------------------------------
# (6) Message-broker administration.


def mq_rabbit(r: random.Random, c: Col) -> str:
    pw = c.s("password", password(r))
    v = c.pick(3)
    if v == 0:
        upw = c.s("url-password", url_password(r))
        host = r.choice(["mq-eu.brightfold.co", "rabbit-2.tidewright.com"])
        c.path, c.lang = "rabbitmq/definitions.json", "json"
        salt_hash = b64bytes(r, 36)
        defs = {
            "rabbit_version": "3.13.7",
            "users": [
                {
                    "name": "shovel",
                    "password_hash": salt_hash,
                    "hashing_algorithm": "rabbit_password_hashing_sha256",
                    "tags": [],
                }
            ],
            "vhosts": [{"name": "/orders"}],
            "parameters": [
                {
                    "vhost": "/orders",
                    "component": "shovel",
                    "name": "to-dr",
                    "value": {
                        "src-uri": "amqp://",
                        "src-queue": "orders",
                        "dest-uri": f"amqps://shovel:{upw}@{host}:5671/orders",
                        "dest-queue": "orders",
                    },
                }
            ],
        }
        c.k("3.13.7")
        return json.dumps(defs, indent=2) + f"\n// management admin password: {pw}\n"
    c.path, c.lang = "ops/rabbit.sh", "console"
    host = c.s("ip-address", private_ip(r))
    if v == 1:
        return (
            f"$ curl -s -u admin:{pw} http://{host}:15672/api/overview | jq .rabbitmq_version\n"
            '"3.13.7"\n'
            f"$ rabbitmqadmin --host={host} --username=admin --password='{pw}' list queues name messages\n"
            "+---------+----------+\n|  name   | messages |\n+---------+----------+\n"
            "| orders  | 1204     |\n| refunds | 3        |\n+---------+----------+\n"
        )
    return (
        f"$ rabbitmqctl add_user svc_billing '{pw}'\n"
        'Adding user "svc_billing" ...\n'
        f"$ rabbitmqctl set_permissions -p /billing svc_billing '.*' '.*' '.*'\n"
        f"# node rabbit@{host.replace('.', '-')} at {host}\n"
    )


def mq_activemq(r: random.Random, c: Col) -> str:
    pw = c.s("password", password(r))
    v = c.pick(2)
    if v == 0:
        c.path, c.lang = "conf/jetty-realm.properties", "properties"
        return (
            "# username: password [,rolename ...]\n"
            f"admin: {pw}, admin\n"
            f"user: {c.s('password', password(r))}, user\n"
        )
    c.path, c.lang = "conf/credentials.properties", "properties"
    host = c.s("ip-address", private_ip(r))
    ver = c.k(f"6.1.{r.randint(0, 4)}")
    return (
        "activemq.username=system\n"
        f"activemq.password={pw}\n"
        "guest.password=password\n"
        f"# broker tcp://{host}:61616, ActiveMQ {ver}\n"
    )


def mq_sentinel(r: random.Random, c: Col) -> str:
    pw = c.s("password", password(r))
    host = c.s("ip-address", private_ip(r))
    v = c.pick(3)
    if v == 0:
        c.path, c.lang = "redis/sentinel.conf", "conf"
        return (
            "port 26379\n"
            f"sentinel monitor mymaster {host} 6379 2\n"
            f"sentinel auth-pass mymaster {pw}\n"
            "sentinel down-after-milliseconds mymaster 5000\n"
            "sentinel failover-timeout mymaster 60000\n"
        )
    if v == 1:
        c.path, c.lang = "redis/redis.conf", "conf"
        return f"bind {c.k('127.0.0.1')} {host}\nrequirepass {pw}\nmasterauth {pw}\nappendonly yes\n"
    c.path, c.lang = "ops/failover.txt", "console"
    return (
        f"$ redis-cli -h {host} -p 26379 -a '{pw}' sentinel get-master-addr-by-name mymaster\n"
        "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n"
        f'1) "{host}"\n2) "6379"\n'
    )


def mq_pulsar(r: random.Random, c: Col) -> str:
    tok = c.s("jwt", jwt(r, {"sub": "admin"}))
    v = c.pick(2)
    if v == 0:
        c.path, c.lang = "conf/client.conf", "properties"
        return (
            "webServiceUrl=https://pulsar.hollowmere.net:8443/\n"
            "brokerServiceUrl=pulsar+ssl://pulsar.hollowmere.net:6651/\n"
            "authPlugin=org.apache.pulsar.client.impl.auth.AuthenticationToken\n"
            f"authParams=token:{tok}\n"
            "tlsAllowInsecureConnection=false\n"
        )
    c.path, c.lang = "ops/pulsar.log", "console"
    return (
        "$ pulsar-admin --admin-url https://pulsar.hollowmere.net:8443 \\\n"
        "    --auth-plugin org.apache.pulsar.client.impl.auth.AuthenticationToken \\\n"
        f"    --auth-params token:{tok} tenants list\n"
        '"public"\n"payments"\n"pulsar"\n'
        f"$ pulsar-admin topics stats persistent://payments/ingest/events | jq .msgRateIn\n{r.randint(10, 999)}.5\n"
    )


def mq_bastion(r: random.Random, c: Col) -> str:
    key = c.s("openssh-key", openssh_key(r))
    pub = c.k(ssh_public(r, "mq-admin"))
    c.path, c.lang = "keys/mq-admin", "text"
    return f"$ cat ~/.ssh/mq-admin\n{key}\n$ cat ~/.ssh/mq-admin.pub\n{pub}\n"


# ---------------------------------------------------------------------------------------------------------
# (7) Cloud NoSQL databases.


def nosql_cosmos(r: random.Random, c: Col) -> str:
    key = c.s("azure-key", b64bytes(r, 64))
    acct = r.choice(["orders-cosmos", "telemetry-nosql", "catalog-db"])
    v = c.pick(3)
    if v == 0:
        c.path, c.lang = "appsettings.Development.json", "json"
        ikey = c.k(uuid4(r))
        return (
            json.dumps(
                {
                    "CosmosDb": {
                        "ConnectionString": f"AccountEndpoint=https://{acct}.documents.azure.com:443/;"
                        f"AccountKey={key};",
                        "DatabaseName": "orders",
                    },
                    "ApplicationInsights": {
                        "ConnectionString": f"InstrumentationKey={ikey};"
                        "IngestionEndpoint=https://westeurope-5.in.applicationinsights"
                        ".azure.com/"
                    },
                },
                indent=2,
            )
            + "\n"
        )
    c.path, c.lang = "ops/cosmos_keys.txt", "console"
    if v == 1:
        key2 = c.s("azure-key", b64bytes(r, 64))
        return (
            f"$ az cosmosdb keys list --name {acct} --resource-group rg-data --type keys\n"
            + json.dumps(
                {
                    "primaryMasterKey": key,
                    "primaryReadonlyMasterKey": key2,
                    "secondaryMasterKey": c.s("azure-key", b64bytes(r, 64)),
                    "secondaryReadonlyMasterKey": c.s("azure-key", b64bytes(r, 64)),
                },
                indent=2,
            )
            + "\n"
        )
    return (
        "from azure.cosmos import CosmosClient\n\n"
        f'URL = "https://{acct}.documents.azure.com:443/"\n'
        f'KEY = "{key}"\n'
        "client = CosmosClient(URL, credential=KEY)\n"
    )


def nosql_dynamo(r: random.Random, c: Col) -> str:
    akid = c.s("aws-access-key", tok_aws_id(r))
    secret = c.s("aws-secret-key", rs(r, ALNUM + "/+", 40))
    v = c.pick(2)
    if v == 0:
        c.path, c.lang = "~/.aws/credentials", "ini"
        return (
            "[default]\nregion = eu-west-1\n\n[dynamo-admin]\n"
            f"aws_access_key_id = {akid}\n"
            f"aws_secret_access_key = {secret}\n"
        )
    first, last, name = c.name(r)
    mail = c.s("email", email_for(r, first, last))
    tel = c.s("phone", phone(r))
    c.path, c.lang = "ops/scan.txt", "console"
    return (
        f"$ AWS_ACCESS_KEY_ID={akid} AWS_SECRET_ACCESS_KEY={secret} \\\n"
        "    aws dynamodb scan --table-name customers --max-items 1\n"
        + json.dumps(
            {
                "Items": [
                    {
                        "pk": {"S": "CUST#" + rs(r, string.digits, 6)},
                        "full_name": {"S": name},
                        "email": {"S": mail},
                        "phone": {"S": tel},
                    }
                ],
                "Count": 1,
                "ScannedCount": 1,
            },
            indent=2,
        )
        + "\n"
    )


def nosql_firestore(r: random.Random, c: Col) -> str:
    v = c.pick(3)
    project = r.choice(["quest-leaderboards", "survey-prod-42", "clinic-sync"])
    if v == 0:
        api = c.s("google-api-key", tok_google(r))
        c.path, c.lang = "src/firebase.ts", "typescript"
        return (
            "import { initializeApp } from 'firebase/app';\n\n"
            "export const app = initializeApp({\n"
            f"  apiKey: '{api}',\n"
            f"  authDomain: '{project}.firebaseapp.com',\n"
            f"  projectId: '{project}',\n"
            f"  appId: '1:{rs(r, string.digits, 12)}:web:{hexs(r, 22)}',\n"
            "});\n"
        )
    if v == 1:
        key = c.s("private-key", pem_key(r, "PRIVATE KEY"))
        c.path, c.lang = "secrets/firestore-sa.txt", "text"
        return (
            f"$ jq -r .private_key firestore-sa.json\n{key}\n"
            f"$ jq -r .private_key_id firestore-sa.json\n{c.s('key-id', hexs(r, 40))}\n"
        )
    first, last = person(r)
    c.s("person-name", first)
    c.s("person-name", last)
    mail = c.s("email", email_for(r, first, last))
    c.path, c.lang = "exports/users.json", "json"
    doc_id = rs(r, ALNUM, 20)
    return (
        f"$ firebase firestore:get users/{doc_id} --project {project}\n"
        + json.dumps(
            {"first_name": first, "last_name": last, "email": mail, "plan": "pro", "createdAt": stamp(r)},
            indent=2,
        )
        + "\n"
    )


def nosql_couchbase(r: random.Random, c: Col) -> str:
    pw = c.s("password", password(r))
    cluster = f"cb.{rs(r, string.ascii_lowercase + string.digits, 16)}.cloud.couchbase.com"
    v = c.pick(2)
    if v == 0:
        c.path, c.lang = "app/db.py", "python"
        return (
            "from couchbase.auth import PasswordAuthenticator\n"
            "from couchbase.cluster import Cluster\n"
            "from couchbase.options import ClusterOptions\n\n"
            f'auth = PasswordAuthenticator("app_rw", password="{pw}")\n'
            f'cluster = Cluster("couchbases://{cluster}", ClusterOptions(auth))\n'
        )
    c.path, c.lang = "ops/import.log", "console"
    return (
        f"$ cbimport json -c couchbases://{cluster} -u app_rw -p '{pw}' -b travel -d file://hotels.json -f list\n"
        "JSON `file://hotels.json` imported to `couchbases://...` successfully\n"
        f"Documents imported: {r.randint(100, 9000)} Documents failed: 0\n"
    )


def nosql_neo4j(r: random.Random, c: Col) -> str:
    pw = c.s("password", rs(r, B64URL, 43))
    inst = hexs(r, 8)
    c.path, c.lang = f"Neo4j-{inst}-Created-2026-06-12.txt", "text"
    v = c.pick(2)
    if v == 0:
        return (
            "# Wait 60 seconds before connecting using these details, or login to https://console.neo4j.io "
            "to validate the Aura Instance is available\n"
            f"NEO4J_URI=neo4j+s://{inst}.databases.neo4j.io\n"
            "NEO4J_USERNAME=neo4j\n"
            f"NEO4J_PASSWORD={pw}\n"
            f"AURA_INSTANCEID={inst}\n"
            "AURA_INSTANCENAME=Instance01\n"
        )
    c.lang = "console"
    return (
        f"$ cypher-shell -a neo4j+s://{inst}.databases.neo4j.io -u neo4j -p '{pw}' 'CALL dbms.components()'\n"
        f'name, versions, edition\n"Neo4j Kernel", ["{c.k("5.26-aura")}"], "enterprise"\n'
    )


def nosql_astra(r: random.Random, c: Col) -> str:
    tok = c.s("astra-token", tok_astra(r))
    db = c.k(uuid4(r))
    v = c.pick(2)
    if v == 0:
        c.path, c.lang = ".env", "dotenv"
        return (
            f"ASTRA_DB_API_ENDPOINT=https://{db}-us-east1.apps.astra.datastax.com\n"
            f"ASTRA_DB_APPLICATION_TOKEN={tok}\n"
            "ASTRA_DB_KEYSPACE=default_keyspace\n"
        )
    c.path, c.lang = "ops/astra.log", "console"
    return (
        f"$ astra setup --token {tok}\n"
        "[OK]    Configuration has been saved.\n"
        f"$ astra db list\n| Name   | id                                   | Status |\n| vector | {db} | ACTIVE |\n"
    )


# ---------------------------------------------------------------------------------------------------------
# (8) Survey and form tools.


def survey_typeform(r: random.Random, c: Col) -> str:
    tok = c.s("typeform-token", tok_typeform(r))
    form = rs(r, ALNUM, 8)
    mail = c.s("email", email(r))
    tel = c.s("phone", phone(r))
    v = c.pick(3)
    if v == 0:
        c.path, c.lang = "ops/typeform.log", "console"
        return (
            f"$ curl -s -H 'Authorization: Bearer {tok}' \\\n"
            f"    'https://api.typeform.com/forms/{form}/responses?page_size=1' | jq '.items[0].answers'\n"
            + json.dumps(
                [
                    {"field": {"id": rs(r, ALNUM, 12), "type": "email"}, "type": "email", "email": mail},
                    {
                        "field": {"id": rs(r, ALNUM, 12), "type": "phone_number"},
                        "type": "phone_number",
                        "phone_number": tel,
                    },
                    {"field": {"id": rs(r, ALNUM, 12), "type": "rating"}, "type": "number", "number": 4},
                ],
                indent=2,
            )
            + "\n"
        )
    if v == 1:
        c.path, c.lang = "webhooks/typeform_handler.js", "javascript"
        wsec = c.s("secret", rs(r, ALNUM, 32))
        return (
            "const crypto = require('crypto');\n"
            f"const TYPEFORM_TOKEN = process.env.TYPEFORM_TOKEN || '{tok}';\n"
            f"const WEBHOOK_SECRET = '{wsec}';\n\n"
            "function verify(req) {\n"
            "  const sig = crypto.createHmac('sha256', WEBHOOK_SECRET).update(req.rawBody).digest('base64');\n"
            "  return req.headers['typeform-signature'] === `sha256=${sig}`;\n"
            "}\n"
            f'// sample answers: {{"email": "{mail}", "phone_number": "{tel}"}}\n'
        )
    c.path, c.lang = ".env.local", "dotenv"
    ph = c.k("<your-typeform-token>")
    return (
        f"TYPEFORM_PERSONAL_TOKEN={tok}\n"
        f"# README says: TYPEFORM_PERSONAL_TOKEN={ph}\n"
        f"ALERT_EMAIL={mail}\n"
        f"ALERT_SMS={tel}\n"
    )


def survey_monkey(r: random.Random, c: Col) -> str:
    tok = c.s("token", rs(r, ALNUM + "-", 64))
    rows = []
    for _ in range(1):
        first, last = person(r)
        mail = c.s("email", email_for(r, first, last))
        c.s("person-name", first)
        c.s("person-name", last)
        rows.append((first, last, mail))
    c.path, c.lang = "exports/respondents.csv", "csv"
    v = c.pick(2)
    body = (
        "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name\n"
        + "".join(
            f"{rs(r, string.digits, 11)},{rs(r, string.digits, 9)},"
            f"06/1{r.randint(0, 9)}/2026 09:1{r.randint(0, 9)}:02 AM,"
            f"06/1{r.randint(0, 9)}/2026 09:2{r.randint(0, 9)}:40 AM,{c.s('ip-address', public_ip(r))},{m},{f},{la}\n"
            for f, la, m in rows
        )
    )
    if v == 0:
        return (
            f"$ curl -s -H 'Authorization: Bearer {tok}' "
            f"https://api.surveymonkey.com/v3/surveys/{rs(r, string.digits, 9)}/responses/bulk > raw.json\n"
            "$ python to_csv.py raw.json && cat respondents.csv\n" + body
        )
    return body + f"# pulled with SM_ACCESS_TOKEN={tok}\n"


def survey_gforms(r: random.Random, c: Col) -> str:
    rows = []
    for _ in range(1):
        first, last, name = c.name(r)
        rows.append((c.s("email", email_for(r, first, last)), name, c.s("phone", phone(r))))
    v = c.pick(2)
    sample = c.k("jane.doe@example.com")
    if v == 0:
        c.path, c.lang = "exports/Volunteer signup (Responses).csv", "csv"
        return (
            "Timestamp,Email Address,Full name,Phone number,Shift\n"
            + "".join(
                f"6/{r.randint(1, 28)}/2026 {r.randint(8, 20)}:{r.randint(10, 59)}:{r.randint(10, 59)},{m},{n},{t},"
                f"{r.choice(['Morning', 'Evening'])}\n"
                for m, n, t in rows
            )
            + f"6/1/2026 8:00:00,{sample},{c.k('Jane Doe')},,Test row\n"
        )
    c.path, c.lang = "apps_script/sync.gs", "javascript"
    secret = c.s("google-oauth-secret", tok_google_oauth(r))
    m, n, t = rows[0]
    for m2, n2, t2 in rows[1:]:
        c.secrets.remove(("email", m2))
        c.secrets.remove(("person-name", n2))
        c.secrets.remove(("phone", t2))
    return (
        "// OAuth client for the response mirror\n"
        f"const CLIENT_ID = '{rs(r, string.digits, 12)}-{rs(r, string.ascii_lowercase + string.digits, 32)}"
        ".apps.googleusercontent.com';\n"
        f"const CLIENT_SECRET = '{secret}';\n"
        f'// Logger.log output: {{"respondentEmail": "{m}", "name": "{n}", "phone": "{t}"}}\n'
        f"// test submissions come from {sample}\n"
    )


def survey_jotform(r: random.Random, c: Col) -> str:
    key = hexs(r, 32)
    first, last = person(r)
    c.s("person-name", first)
    c.s("person-name", last)
    mail = c.s("email", email_for(r, first, last))
    v = c.pick(3)
    if v:
        c.s("api-key", key)
    if v == 0:
        card = c.s("card-number", card_number(r))
        c.path, c.lang = "logs/jotform_webhook.log", "console"
        body = (
            f"formID={rs(r, string.digits, 15)}&submissionID={rs(r, string.digits, 19)}&rawRequest="
            + json.dumps(
                {
                    "q3_fullName": {"first": first, "last": last},
                    "q4_email": mail,
                    "q7_donation": {"cc_number": card, "cc_exp_month": "08", "cc_exp_year": "2029"},
                }
            )
        )
        return f"POST /hooks/jotform 200 12ms\n{body}\n"
    if v == 1:
        c.path, c.lang = "jotform_export.py", "python"
        return (
            "from jotform import JotformAPIClient\n\n"
            f"client = JotformAPIClient('{key}')\n"
            "subs = client.get_form_submissions(FORM_ID, limit=1)\n"
            f"# -> [{{'answers': {{'3': {{'answer': {{'first': '{first}', 'last': '{last}'}}}}, "
            f"'4': {{'answer': '{mail}'}}}}}}]\n"
        )
    c.path, c.lang = "ops/jotform.sh", "console"
    return (
        f"$ curl -s 'https://eu-api.jotform.com/form/{rs(r, string.digits, 15)}/submissions?apiKey={key}&limit=1' "
        "| jq '.content[0].answers'\n"
        + json.dumps(
            {
                "3": {"name": "fullName", "answer": {"first": first, "last": last}},
                "4": {"name": "email", "answer": mail},
            },
            indent=2,
        )
        + "\n"
    )


def survey_incentives(r: random.Random, c: Col) -> str:
    rows = []
    for _ in range(1):
        first, last = person(r)
        c.s("person-name", first)
        c.s("person-name", last)
        rows.append((first, last, c.s("email", email_for(r, first, last)), c.s("iban", iban(r))))
    c.path, c.lang = "exports/panel_payouts.csv", "csv"
    v = c.pick(2)
    if v == 0:
        ssns = [c.s("ssn", ssn(r)) for _ in rows]
        return "first_name,last_name,email,iban,ssn,amount\n" + "".join(
            f"{f},{la},{m},{i},{s},25.00\n" for (f, la, m, i), s in zip(rows, ssns, strict=True)
        )
    return (
        "first_name,last_name,email,iban,amount_eur\n"
        + "".join(f"{f},{la},{m},{i},{r.choice(['15.00', '25.00'])}\n" for f, la, m, i in rows)
        + f"# reconciled against batch {c.k(uuid4(r))}\n"
    )


# ---------------------------------------------------------------------------------------------------------
# (9) Customer data platforms.


def _traits(r: random.Random, c: Col) -> tuple[str, str, str]:
    first, last, name = c.name(r)
    tel = c.s("phone", phone(r))
    return name, c.s("email", email_for(r, first, last)), tel


def cdp_segment(r: random.Random, c: Col) -> str:
    wk = c.s("api-key", rs(r, ALNUM, 32))
    name, mail, tel = _traits(r, c)
    uid = c.k(uuid4(r))
    v = c.pick(3)
    if v == 0:
        c.path, c.lang = "services/tracking.py", "python"
        return (
            "import segment.analytics as analytics\n\n"
            f"analytics.write_key = '{wk}'\n\n"
            f"analytics.identify('{uid}', {{\n"
            f"    'name': '{name}',\n"
            f"    'email': '{mail}',\n"
            f"    'phone': '{tel}',\n"
            "    'plan': 'enterprise',\n"
            "})\n"
        )
    if v == 1:
        basic = c.s("basic-auth", base64.b64encode(f"{wk}:".encode()).decode())
        c.path, c.lang = "ops/segment.http", "http"
        c.secrets.remove(("api-key", wk))
        return (
            "POST /v1/identify HTTP/1.1\nHost: api.segment.io\n"
            f"Authorization: Basic {basic}\nContent-Type: application/json\n\n"
            + json.dumps({"userId": uid, "traits": {"name": name, "email": mail, "phone": tel}}, indent=2)
            + '\n\nHTTP/1.1 200 OK\n{"success": true}\n'
        )
    c.path, c.lang = "ops/segment.log", "console"
    return (
        f"$ export SEGMENT_WRITE_KEY={wk}\n"
        "$ node scripts/backfill.js --since 2026-06-01\n"
        f'identify {uid} traits={{"email":"{mail}","name":"{name}","phone":"{tel}"}} ok\n'
    )


def cdp_rudder(r: random.Random, c: Col) -> str:
    wk = c.s("api-key", rs(r, ALNUM, 27))
    plane = f"https://{rs(r, string.ascii_lowercase, 10)}dataplane.rudderstack.com"
    v = c.pick(2)
    if v == 0:
        name, mail, tel = _traits(r, c)
        c.path, c.lang = "web/rudder.ts", "typescript"
        ws = c.s("token", rs(r, ALNUM, 27))
        return (
            "import { RudderAnalytics } from '@rudderstack/analytics-js';\n"
            "const analytics = new RudderAnalytics();\n"
            f"analytics.load('{wk}', '{plane}');\n"
            f"analytics.identify('{c.k(uuid4(r))}', {{ email: '{mail}', name: '{name}', phone: '{tel}' }});\n"
            f"// workspace token for the config API: RUDDER_WORKSPACE_TOKEN={ws}\n"
        )
    c.path, c.lang = "ops/rudder.sh", "console"
    mail = c.s("email", email(r))
    return (
        f"$ curl -u {wk}: -X POST {plane}/v1/track -H 'Content-Type: application/json' \\\n"
        f'    -d \'{{"userId": "{c.k(uuid4(r))}", "event": "Checkout", "context": {{"traits": '
        f'{{"email": "{mail}"}}}}}}\'\nOK\n'
    )


def cdp_amplitude(r: random.Random, c: Col) -> str:
    api = c.s("api-key", hexs(r, 32))
    sec = c.s("secret", hexs(r, 32))
    v = c.pick(2)
    if v == 0:
        c.path, c.lang = ".env", "dotenv"
        return (
            f"AMPLITUDE_API_KEY={api}\n"
            f"AMPLITUDE_SECRET_KEY={sec}\n"
            "AMPLITUDE_SERVER_ZONE=EU\n"
            f"ANON_DEVICE_ID={c.k(uuid4(r))}\n"
        )
    c.path, c.lang = "ops/amplitude_export.sh", "console"
    mail = c.s("email", email(r))
    ip = c.s("ip-address", public_ip(r))
    return (
        f"$ curl -s -u {api}:{sec} 'https://analytics.eu.amplitude.com/api/2/export?start=20260601T00"
        "&end=20260601T23' -o export.zip && unzip -p export.zip | head -1\n"
        + json.dumps(
            {
                "event_type": "Sign Up",
                "user_id": mail,
                "device_id": c.k(uuid4(r)),
                "ip_address": ip,
                "user_properties": {"email": mail, "plan": "free"},
            }
        )
        + "\n"
    )


def cdp_mixpanel(r: random.Random, c: Col) -> str:
    sa_secret = c.s("secret", rs(r, ALNUM, 32))
    project_token = hexs(r, 32)
    name, mail, tel = _traits(r, c)
    c.path, c.lang = "scripts/mixpanel_people.py", "python"
    v = c.pick(2)
    if v == 0:
        return (
            "from mixpanel import Mixpanel\n\n"
            f"mp = Mixpanel('{project_token}')\n"
            f"mp.people_set('{c.k(uuid4(r))}', {{\n"
            f"    '$name': '{name}',\n"
            f"    '$email': '{mail}',\n"
            f"    '$phone': '{tel}',\n"
            "})\n"
            f"EXPORT_SA = ('pipeline.{rs(r, string.ascii_lowercase, 6)}.mp-service-account', '{sa_secret}')\n"
        )
    c.lang = "console"
    return (
        f"$ curl -s -u 'etl.{rs(r, string.ascii_lowercase, 5)}.mp-service-account:{sa_secret}' "
        "'https://eu.mixpanel.com/api/query/engage?project_id="
        + rs(r, string.digits, 7)
        + "'\n"
        + json.dumps(
            {
                "results": [
                    {
                        "$distinct_id": c.k(uuid4(r)),
                        "$properties": {"$name": name, "$email": mail, "$phone": tel},
                    }
                ]
            },
            indent=2,
        )
        + "\n"
    )


def cdp_warehouse(r: random.Random, c: Col) -> str:
    first, last, name = c.name(r)
    mail = c.s("email", email_for(r, first, last))
    s = c.s("ssn", ssn(r))
    card = c.s("card-number", card_number(r, grouped=True))
    c.path, c.lang = "logs/reverse_etl.log", "console"
    return (
        "INFO sync users -> hubspot (1 row)\n"
        "DEBUG row: "
        + json.dumps(
            {
                "name": name,
                "email": mail,
                "tax_id_type": "ssn",
                "tax_id": s,
                "billing": {"card_number": card, "exp": "09/28"},
            }
        )
        + "\n"
        f"INFO run {c.k(uuid4(r))} finished\n"
    )


def cdp_sendgrid(r: random.Random, c: Col) -> str:
    key = c.s("sendgrid-key", tok_sendgrid(r))
    slack = c.s("slack-token", tok_slack(r))
    c.path, c.lang = "config/destinations.yml", "yaml"
    return (
        "destinations:\n"
        "  - type: sendgrid\n"
        f"    api_key: {key}\n"
        "    list: newsletter\n"
        "  - type: slack\n"
        f"    bot_token: {slack}\n"
        "    channel: '#growth-alerts'\n"
        f"  - type: webhook\n    secret: {c.k('${WEBHOOK_SECRET}')}\n"
    )


# ---------------------------------------------------------------------------------------------------------
# (10) Container registries.


def _digest(r: random.Random, c: Col) -> str:
    return c.k("sha256:" + hexs(r, 64))


def reg_docker_config(r: random.Random, c: Col) -> str:
    gh = tok_github(r)
    user = r.choice(["deploy-bot", "ci-runner", "acme-ops"])
    auth = c.s("docker-auth", base64.b64encode(f"{user}:{gh}".encode()).decode())
    pw = password(r)
    auth2 = c.s("docker-auth", base64.b64encode(f"robot$ci+push:{pw}".encode()).decode())
    c.path, c.lang = "~/.docker/config.json", "json"
    cfg = {
        "auths": {
            "ghcr.io": {"auth": auth},
            "harbor.tidewright.com": {"auth": auth2},
            "https://index.docker.io/v1/": {},
        },
        "credsStore": "desktop",
    }
    v = c.pick(2)
    if v == 0:
        return json.dumps(cfg, indent="\t") + "\n"
    return (
        "$ cat ~/.docker/config.json\n"
        + json.dumps(cfg, indent=2)
        + f"\n$ docker pull ghcr.io/tidewright/api@{_digest(r, c)}\n"
    )


def reg_ecr(r: random.Random, c: Col) -> str:
    payload = {
        "payload": b64bytes(r, 180),
        "datakey": b64bytes(r, 120),
        "version": "2",
        "type": "DATA_KEY",
        "expiration": r.randint(1780000000, 1790000000),
    }
    tok = c.s("registry-password", base64.b64encode(json.dumps(payload).encode()).decode())
    acct = rs(r, "123456789", 12)
    c.path, c.lang = "ci/ecr_login.log", "console"
    v = c.pick(2)
    digest = _digest(r, c)
    if v == 0:
        return (
            "$ aws ecr get-login-password --region eu-central-1\n"
            f"{tok}\n"
            f"$ docker push {acct}.dkr.ecr.eu-central-1.amazonaws.com/payments:1.8.2\n"
            f"1.8.2: digest: {digest} size: 2417\n"
        )
    akid = c.s("aws-access-key", tok_aws_id(r))
    sec = c.s("aws-secret-key", rs(r, ALNUM + "/+", 40))
    return (
        f"+ export AWS_ACCESS_KEY_ID={akid}\n"
        f"+ export AWS_SECRET_ACCESS_KEY={sec}\n"
        f"+ docker login --username AWS --password {tok} {acct}.dkr.ecr.eu-central-1.amazonaws.com\n"
        "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n"
        "Login Succeeded\n"
        f"+ docker buildx imagetools inspect payments:latest | grep Digest\nDigest:    {digest}\n"
    )


def reg_ghcr(r: random.Random, c: Col) -> str:
    gh = c.s("github-token", tok_github(r))
    v = c.pick(3)
    if v == 0:
        c.path, c.lang = "ops/ghcr.sh", "console"
        return (
            f"$ export CR_PAT={gh}\n"
            "$ echo $CR_PAT | docker login ghcr.io -u tidewright-bot --password-stdin\n"
            "Login Succeeded\n"
            f"$ docker push ghcr.io/tidewright/worker:{c.k(version(r))}\n"
        )
    if v == 1:
        npm = c.s("npm-token", tok_npm(r))
        c.path, c.lang = ".npmrc", "ini"
        return (
            "@tidewright:registry=https://npm.pkg.github.com\n"
            f"//npm.pkg.github.com/:_authToken={gh}\n"
            f"//registry.npmjs.org/:_authToken={npm}\n"
            f"# fallback from the docs: //registry.npmjs.org/:_authToken={c.k('${NPM_TOKEN}')}\n"
        )
    gl = c.s("gitlab-token", tok_gitlab(r))
    c.path, c.lang = "ci/mirror.log", "console"
    return (
        f"$ skopeo copy --src-creds bot:{gl} --dest-creds tidewright-bot:{gh} \\\n"
        "    docker://registry.gitlab.com/tidewright/worker:latest docker://ghcr.io/tidewright/worker:latest\n"
        "Getting image source signatures\n"
        f"Copying blob {_digest(r, c)}\nWriting manifest to image destination\n"
    )


def reg_harbor(r: random.Random, c: Col) -> str:
    v = (2, 0, 1)[c.pick(3)]
    if v == 0:
        sec = c.s("secret", rs(r, ALNUM, 32))
        c.path, c.lang = "ops/harbor_robot.json", "json"
        return (
            "$ curl -s -u admin:$HARBOR_ADMIN_PASSWORD -X POST https://harbor.tidewright.com/api/v2.0/robots "
            "-d @robot.json\n"
            + json.dumps(
                {
                    "id": r.randint(3, 90),
                    "name": "robot$ci+push",
                    "secret": sec,
                    "creation_time": stamp(r),
                    "expires_at": -1,
                },
                indent=2,
            )
            + "\n"
        )
    pw = c.s("password", password(r))
    if v == 1:
        dbpw = c.s("password", password(r))
        c.path, c.lang = "harbor.yml", "yaml"
        return (
            "hostname: harbor.tidewright.com\n"
            "https:\n  port: 443\n  certificate: /data/cert/harbor.crt\n  private_key: /data/cert/harbor.key\n"
            f"harbor_admin_password: {pw}\n"
            "database:\n"
            f"  password: {dbpw}\n"
            "  max_idle_conns: 100\n"
            f"# upgrade from {c.k('v2.10.2')}\n"
        )
    h = c.s("password-hash", bcrypt_hash(r))
    c.path, c.lang = "auth/htpasswd", "text"
    return (
        f"$ htpasswd -Bbn ci '{pw}' > auth/htpasswd\n"
        f"$ cat auth/htpasswd\nci:{h}\n\n"
        f"$ docker run -d -p 5000:5000 -v $PWD/auth:/auth -e REGISTRY_AUTH=htpasswd registry:{c.k('2.8.3')}\n"
    )


def reg_quay(r: random.Random, c: Col) -> str:
    tok = c.s("token", rs(r, string.ascii_uppercase + string.digits, 64))
    c.path, c.lang = "ops/quay.sh", "console"
    v = c.pick(2)
    if v == 0:
        return (
            f'$ docker login -u="tidewright+builder" -p="{tok}" quay.io\n'
            "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n"
            "Login Succeeded\n"
            f"$ docker pull quay.io/tidewright/base@{_digest(r, c)}\n"
        )
    oauth = c.s("token", rs(r, ALNUM, 40))
    return (
        f"$ curl -s -H 'Authorization: Bearer {oauth}' https://quay.io/api/v1/repository/tidewright/base/tag/\n"
        + json.dumps({"tags": [{"name": "3.20", "manifest_digest": _digest(r, c)}]}, indent=2)
        + f"\n# robot tidewright+builder token: {tok}\n"
    )


def reg_artifactory(r: random.Random, c: Col) -> str:
    tok = c.s("artifactory-token", tok_artifactory(r))
    v = c.pick(3)
    if v == 0:
        c.path, c.lang = "pip.conf", "ini"
        return (
            "[global]\n"
            f"index-url = https://ci-bot:{tok}@tidewright.jfrog.io/artifactory/api/pypi/pypi-remote/simple\n"
            "timeout = 60\n"
        )
    if v == 1:
        c.path, c.lang = "ops/jf.log", "console"
        return (
            f"$ jf c add tw --url https://tidewright.jfrog.io --access-token {tok} --interactive=false\n"
            "$ jf rt ping --server-id tw\nOK\n"
            f"$ jf docker push tidewright.jfrog.io/docker-local/api:{c.k(version(r))}\n"
        )
    dh = c.s("dockerhub-token", tok_dockerhub(r))
    c.path, c.lang = ".github/workflows/publish.yml", "yaml"
    return (
        "      - uses: docker/login-action@v3\n"
        "        with:\n"
        "          username: tidewright\n"
        f"          password: {dh}\n"
        "      - run: |\n"
        f"          curl -H 'X-JFrog-Art-Api: {tok}' -T dist/app.tgz https://tidewright.jfrog.io/artifactory/generic/\n"
        f"      - uses: actions/checkout@{c.k(hexs(r, 40))}\n"
    )


# ---------------------------------------------------------------------------------------------------------
# (11) Remote desktop and support tools.


def rd_guacamole(r: random.Random, c: Col) -> str:
    pw = c.s("password", password(r))
    rdp = c.s("password", password(r))
    host = c.s("ip-address", private_ip(r))
    v = c.pick(3)
    if v == 0:
        c.path, c.lang = "/etc/guacamole/user-mapping.xml", "xml"
        return (
            "<user-mapping>\n"
            f'    <authorize username="helpdesk" password="{pw}">\n'
            '        <connection name="finance-pc">\n'
            "            <protocol>rdp</protocol>\n"
            f'            <param name="hostname">{host}</param>\n'
            '            <param name="port">3389</param>\n'
            '            <param name="username">support</param>\n'
            f'            <param name="password">{rdp}</param>\n'
            '            <param name="ignore-cert">true</param>\n'
            "        </connection>\n"
            "    </authorize>\n"
            "</user-mapping>\n"
        )
    if v == 1:
        c.path, c.lang = "/etc/guacamole/guacamole.properties", "properties"
        c.secrets.remove(("password", rdp))
        return (
            f"guacd-hostname: {host}\n"
            "guacd-port: 4822\n"
            "mysql-hostname: guac-db\n"
            "mysql-database: guacamole_db\n"
            "mysql-username: guacamole_user\n"
            f"mysql-password: {pw}\n"
            f"# guacd bound on {c.k('0.0.0.0')}\n"
        )
    c.path, c.lang = "ops/guac_api.sh", "console"
    tok = hexs(r, 64).upper()
    c.s("token", tok)
    return (
        f"$ curl -s -X POST -d 'username=guacadmin&password={pw}' https://{host}:8443/guacamole/api/tokens\n"
        f'{{"authToken":"{tok}","username":"guacadmin","dataSource":"mysql"}}\n'
        f"$ curl -s 'https://{host}:8443/guacamole/api/session/data/mysql/connections/4/parameters?token={tok}'\n"
        f'{{"hostname":"{c.k("192.0.2.10")}","port":"5900","password":"{rdp}"}}\n'
    )


def rd_teamviewer(r: random.Random, c: Col) -> str:
    tok = c.s("token", rs(r, string.digits, 8) + "-" + rs(r, ALNUM, 20))
    v = c.pick(2)
    if v == 0:
        c.path, c.lang = "deploy/install_tv.cmd", "bat"
        pw = c.s("password", password(r))
        return (
            'msiexec.exe /i "TeamViewer_Host.msi" /qn CUSTOMCONFIGID=' + rs(r, ALNUM, 7).lower() + " ^\n"
            f"  APITOKEN={tok} ^\n"
            '  ASSIGNMENTOPTIONS="--grant-easy-access --reassign"\n'
            f'"C:\\Program Files\\TeamViewer\\TeamViewer.exe" setup --installsecuritypassword {pw}\n'
        )
    first, last, name = c.name(r)
    mail = c.s("email", email_for(r, first, last, "northkeep.app"))
    c.path, c.lang = "ops/tv_devices.sh", "console"
    return (
        f"$ curl -s -H 'Authorization: Bearer {tok}' https://webapi.teamviewer.com/api/v1/users?full_list=true\n"
        + json.dumps(
            {
                "users": [
                    {
                        "id": "u" + rs(r, string.digits, 8),
                        "name": name,
                        "email": mail,
                        "permissions": "ManageConnections",
                        "active": True,
                    }
                ]
            },
            indent=2,
        )
        + "\n"
    )


def rd_anydesk(r: random.Random, c: Col) -> str:
    pw = c.s("password", password(r))
    c.path, c.lang = "deploy/anydesk.ps1", "powershell"
    v = c.pick(2)
    if v == 0:
        return (
            '& "C:\\ProgramData\\AnyDesk\\AnyDesk.exe" --install "C:\\Program Files (x86)\\AnyDesk" --silent\n'
            f'echo {pw} | & "C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --set-password\n'
            '& "C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --get-id\n'
            f"{r.randint(100, 999)} {r.randint(100, 999)} {r.randint(100, 999)}\n"
        )
    c.lang = "console"
    ip = c.s("ip-address", private_ip(r))
    return (
        f"$ echo '{pw}' | sudo anydesk --set-password\n"
        "$ anydesk --get-status\nonline\n"
        f"$ grep -i 'relay' /var/log/anydesk.trace | tail -1\ninfo 2026-06-11 relay connected, local addr {ip}:7070\n"
    )


def rd_rustdesk(r: random.Random, c: Col) -> str:
    seed = r.randbytes(32)
    pub = base64.b64encode(r.randbytes(32)).decode()
    priv = c.s("private-key", base64.b64encode(seed + base64.b64decode(pub)).decode())
    ip = c.s("ip-address", public_ip(r))
    v = c.pick(2)
    if v == 0:
        c.path, c.lang = "ops/hbbs_keys.txt", "console"
        return (
            "$ cat /opt/rustdesk/id_ed25519.pub\n"
            f"{c.k(pub)}\n"
            "$ cat /opt/rustdesk/id_ed25519\n"
            f"{priv}\n"
            f"$ docker run -d --name hbbs -p 21115:21115 rustdesk/rustdesk-server hbbs -r {ip}:21117\n"
        )
    pw = c.s("password", password(r))
    c.path, c.lang = "RustDesk2.toml", "toml"
    c.secrets.remove(("private-key", priv))
    return (
        f"rendezvous_server = '{ip}:21116'\n"
        "nat_type = 1\n"
        "serial = 0\n\n"
        "[options]\n"
        f"custom-rendezvous-server = '{ip}'\n"
        f"key = '{c.k(pub)}'\n"
        f"permanent_password = '{pw}'\n"
    )


def rd_vnc(r: random.Random, c: Col) -> str:
    pw = c.s("password", rs(r, ALNUM, 8))
    v = (2, 0, 1)[c.pick(3)]
    if v == 0:
        ip = c.s("ip-address", private_ip(r))
        c.path, c.lang = "ops/vnc.sh", "console"
        return (
            f"$ x11vnc -storepasswd {pw} ~/.vnc/passwd\n"
            "stored passwd in file: /root/.vnc/passwd\n"
            f"$ ssh -L 5901:{c.k('localhost')}:5901 ops@{ip}\n"
        )
    if v == 1:
        c.path, c.lang = "kiosk/novnc_url.txt", "text"
        return (
            "Open the kiosk viewer with:\n"
            f"https://kiosk.northkeep.app/vnc.html?autoconnect=true&host=kiosk.northkeep.app&port=443&password={pw}\n"
            f"(docs example: https://kiosk.northkeep.app/vnc.html?password={c.k('<password>')})\n"
        )
    h = c.s("password-hash", sha512crypt(r))
    c.path, c.lang = "ops/shadow.txt", "console"
    return (
        "$ sudo grep vncuser /etc/shadow\n"
        f"vncuser:{h}:20250:0:99999:7:::\n"
        f"$ printf '{pw}\\n{pw}\\n\\n' | vncpasswd\n"
        "Would you like to enter a view-only password (y/n)? n\n"
    )


def rd_ssh_key(r: random.Random, c: Col) -> str:
    key = c.s("openssh-key", openssh_key(r))
    c.path, c.lang = "support/jump_key", "text"
    return (
        "Support engineer's key for the tunnel to the customer's VNC host (delete after the session):\n\n"
        f"{key}\n\n"
        f"Public half, already in authorized_keys:\n{c.k(ssh_public(r, 'support@jump'))}\n"
    )


# ---------------------------------------------------------------------------------------------------------
# (12) Clinical trials and EDC.


def edc_redcap(r: random.Random, c: Col) -> str:
    tok = c.s("api-key", hexs(r, 32).upper())
    v = c.pick(3)
    if v == 0:
        c.path, c.lang = "ops/redcap_export.sh", "console"
        recs = []
        for i in range(r.randint(1, 2)):
            first, last = person(r)
            c.s("person-name", first)
            c.s("person-name", last)
            recs.append(
                {
                    "record_id": str(100 + i),
                    "redcap_event_name": "baseline_arm_1",
                    "first_name": first,
                    "last_name": last,
                    "email": c.s("email", email_for(r, first, last)),
                    "dob": f"19{r.randint(40, 99)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}",
                }
            )
        return (
            "$ curl -s -X POST https://redcap.ambervale-health.org/api/ \\\n"
            f"    -d token={tok} -d content=record -d format=json -d type=flat\n"
            + json.dumps(recs, indent=1)
            + "\n"
        )
    if v == 1:
        c.path, c.lang = "analysis/pull.py", "python"
        return (
            "from redcap import Project\n\n"
            "URL = 'https://redcap.ambervale-health.org/api/'\n"
            f"TOKEN = '{tok}'\n"
            "proj = Project(URL, TOKEN)\n"
            "df = proj.export_records(format_type='df')\n"
            f"# REDCap {c.k('14.5.2')}; placeholder in the template was {c.k('<your-api-token>')}\n"
        )
    c.path, c.lang = "R/pull.R", "r"
    return (
        "library(REDCapR)\n"
        "uri <- 'https://redcap.pinecrest-trials.org/api/'\n"
        f"token <- '{tok}'\n"
        "ds <- redcap_read(redcap_uri = uri, token = token)$data\n"
        "# session cookie during the debug run: PHPSESSID="
        f"{c.s('session-cookie', rs(r, string.ascii_lowercase + string.digits, 26))}\n"
    )


def edc_openclinica(r: random.Random, c: Col) -> str:
    pw = c.s("password", password(r))
    v = c.pick(3)
    if v == 0:
        c.path, c.lang = "ops/oc_auth.log", "console"
        tok = c.s("jwt", jwt(r, {"preferred_username": "datamanager"}))
        return (
            "$ curl -s -X POST \\\n"
            "    https://pinecrest.openclinica.io/OpenClinica/pages/auth/api/v1/system/authentication \\\n"
            "    -H 'Content-Type: application/json' \\\n"
            f'    -d \'{{"username": "datamanager", "password": "{pw}"}}\'\n'
            f"{tok}\n"
            f"$ curl -s -H 'Authorization: Bearer {tok}' "
            "https://pinecrest.openclinica.io/OpenClinica/rest/clinicaldata/json/view/S_TRIAL042/*/*/*\n"
        )
    if v == 1:
        c.path, c.lang = "config/datainfo.properties", "properties"
        host = c.s("ip-address", private_ip(r))
        return (
            "dbType=postgres\n"
            "dbUser=clinica\n"
            f"dbPass={pw}\n"
            "db=openclinica\n"
            "dbPort=5432\n"
            f"dbHost={host}\n"
            "mailHost=smtp.pinecrest-trials.org\n"
            f"mailPassword={c.s('password', password(r))}\n"
        )
    c.path, c.lang = "docker-compose.yml", "yaml"
    kc = c.s("secret", rs(r, ALNUM, 32))
    return (
        "services:\n  oc4:\n    image: openclinica/oc4:latest\n    environment:\n"
        "      KEYCLOAK_REALM: pinecrest\n"
        f"      KEYCLOAK_CLIENT_SECRET: {kc}\n"
        f"      DB_PASSWORD: {pw}\n"
        f"      TRACE_ID: {c.k(uuid4(r))}\n"
    )


def edc_subjects(r: random.Random, c: Col) -> str:
    rows = []
    for i in range(r.randint(1, 2)):
        first, last = person(r)
        c.s("person-name", first)
        c.s("person-name", last)
        rows.append(
            (
                f"PCT-{r.randint(10, 99)}-{i + 1:03d}",
                first,
                last,
                c.s("ssn", ssn(r)),
                f"{r.choice(['F', 'M'])}",
            )
        )
    c.path, c.lang = "exports/subject_matrix.csv", "csv"
    v = c.pick(2)
    if v == 0:
        return (
            "Study Subject ID,First Name,Last Name,Person ID (SSN),Sex,Status\n"
            + "".join(
                f"{a},{f},{la},{s},{t},{r.choice(['available', 'signed', 'removed'])}\n"
                for a, f, la, s, t in rows
            )
            + f"# export {c.k(uuid4(r))}\n"
        )
    c.lang, c.path = "console", "ops/psql_subjects.txt"
    out = "$ psql -h localhost -d edc -x -c \"select * from subject where site='PCT-07' limit 2\"\n"
    for n, (a, f, la, s, t) in enumerate(rows[:2], 1):
        out += (
            f"-[ RECORD {n} ]----+------------\nlabel           | {a}\nfirst_name      | {f}\n"
            f"last_name       | {la}\nssn             | {s}\nsex             | {t}\n"
        )
    for _, f, la, s, _ in rows[2:]:
        for item in (("person-name", f), ("person-name", la), ("ssn", s)):
            if f"| {item[1]}\n" not in out:
                c.secrets.remove(item)
    return out


def edc_adverse(r: random.Random, c: Col) -> str:
    first, last, name = c.name(r)
    mail = c.s("email", email_for(r, first, last, "pinecrest-trials.org"))
    c.path, c.lang = "exports/ae_listing.csv", "csv"
    meddra = c.k(f"MedDRA {r.randint(25, 27)}.{r.randint(0, 1)}")
    v = c.pick(2)
    terms = ["Headache", "Nausea", "Injection site erythema", "Fatigue", "ALT increased"]
    body = "subject_id,ae_term,grade,serious,onset,reporter_name,reporter_email\n" + "".join(
        f"PCT-{r.randint(10, 99)}-{r.randint(1, 40):03d},{r.choice(terms)},{r.randint(1, 3)},"
        f"{r.choice(['N', 'N', 'Y'])},2026-0{r.randint(1, 6)}-{r.randint(10, 28)},{name},{mail}\n"
        for _ in range(1)
    )
    if v == 0:
        return f"# coded with {meddra}\n" + body
    iban_v = c.s("iban", iban(r))
    return body + f"# coded with {meddra}; site payments to {iban_v} (investigator {name} <{mail}>)\n"


def edc_reimburse(r: random.Random, c: Col) -> str:
    name = c.name(r)[2]
    card = c.s("card-number", card_number(r, grouped=r.random() < 0.5))
    c.path, c.lang = "logs/clincard.log", "console"
    return (
        "INFO  stipend.load subject=PCT-11-014 amount=50.00\n"
        "DEBUG card_payload="
        + json.dumps({"cardholder_name": name, "card_number": card, "exp": "11/29", "visit": "Week 4"})
        + "\n"
        f"INFO  stipend.loaded ref={c.k(uuid4(r))}\n"
    )


def edc_ai_coding(r: random.Random, c: Col) -> str:
    tok = c.s("openai-key", tok_openai(r))
    c.path, c.lang = "notebooks/ae_coding.py", "python"
    return (
        "# draft MedDRA coding suggestions for free-text AE terms (no subject data sent)\n"
        "from openai import OpenAI\n"
        f'client = OpenAI(api_key="{tok}")\n'
        'resp = client.responses.create(model="gpt-4.1-mini", input="Suggest a MedDRA PT for: sore arm")\n'
    )


def mq_grafana(r: random.Random, c: Col) -> str:
    tok = c.s("grafana-token", tok_grafana(r))
    pw = c.s("password", password(r))
    c.path, c.lang = "grafana/provisioning/datasources/rabbitmq.yaml", "yaml"
    v = c.pick(2)
    if v == 0:
        return (
            "apiVersion: 1\ndatasources:\n  - name: RabbitMQ Prometheus\n    type: prometheus\n"
            "    url: http://rabbitmq.monitoring.svc:15692\n"
            "    basicAuth: true\n    basicAuthUser: monitoring\n"
            "    secureJsonData:\n"
            f"      basicAuthPassword: {pw}\n"
            f"# dashboards pushed with GRAFANA_TOKEN={tok}\n"
        )
    c.lang = "console"
    return (
        f"$ curl -s -H 'Authorization: Bearer {tok}' https://grafana.hollowmere.net/api/datasources/name/RabbitMQ\n"
        + json.dumps(
            {
                "id": 7,
                "uid": rs(r, ALNUM, 14),
                "basicAuthUser": "monitoring",
                "secureJsonFields": {"basicAuthPassword": True},
            },
            indent=2,
        )
        + f"\n$ rabbitmqctl change_password monitoring '{pw}'\nChanging password for user \"monitoring\" ...\n"
    )


# ---------------------------------------------------------------------------------------------------------
# Light documents: what these settings print that holds look-alikes only (or one value among many).


def _keep_fields(r: random.Random) -> dict[str, str]:
    first = r.choice(["jane.doe", "dev", "support", "ops", "admin"])
    return {
        "sha": hexs(r, 40),
        "uuid": uuid4(r),
        "uuid2": uuid4(r),
        "ver": version(r),
        "ver2": f"{r.randint(1, 5)}.{r.randint(0, 20)}.{r.randint(0, 30)}",
        "digest": "sha256:" + hexs(r, 64),
        "docip": r.choice(["192.0.2.", "198.51.100.", "203.0.113."]) + str(r.randint(2, 250)),
        "loop": "127.0.0.1",
        "any": "0.0.0.0",
        "exmail": f"{first}@example.com",
        "pub": ssh_public(r, r.choice(["ops@bastion", "ci@build", "support@laptop"])),
        "ph_angle": r.choice(["<your-api-key>", "<your-token>", "<your-secret-key>", "<api-token>"]),
        "ph_env": "${" + r.choice(["API_TOKEN", "DB_PASSWORD", "SECRET_KEY", "ACCESS_TOKEN"]) + "}",
        "ph_word": "changeme",
        "ph_stars": "****",
        "akex": "AK" + "IA" + "IOSFODNN7" + "EXAMPLE",
        "testcard": " ".join(["4242"] * 4),
        "ghfill": "gh" + "p_" + "x" * 36,
        "cidr": r.choice(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]),
        "netmask": "255.255.255.0",
        "ikey": uuid4(r),
        "posthog": "ph" + "c_" + rs(r, ALNUM, 43),
        "mapbox": "p"
        + "k."
        + b64u(json.dumps({"u": rs(r, string.ascii_lowercase, 8), "a": rs(r, B64URL, 25)}).encode())
        + "."
        + rs(r, B64URL, 22),
        "wskey": b64bytes(r, 16),
        "standin": "Jane Doe",
        "role": "noreply@" + r.choice(DOMAINS),
        "gitrole": "git@github.com",
        "secretref": r.choice(
            ["db-password", "redcap-api-token", "registry-robot-secret", "cosmos-primary-key"]
        ),
    }


LIGHT_MORE: dict[str, tuple[tuple[str, str, str], ...]] = {
    "readme": (
        (
            "docs/leaderboards.md",
            "markdown",
            "Leaderboard resets run weekly. The admin console is at http://{loop}:7351 (login `admin` / "
            "`{ph_word}` on a fresh install - change it).\nSeason ids are UUIDs such as `{uuid}`.\n",
        ),
    ),
    "server-log": (
        (
            "logs/gateway.log",
            "console",
            "GET /ws HTTP/1.1 101 Switching Protocols\nSec-WebSocket-Key: {wskey}\nSec-WebSocket-Version: 13\n"
            "session {uuid} joined matchmaker pool eu-west (client {ver})\n",
        ),
    ),
    "map-config": (
        (
            "Assets/Settings/CloudSettings.asset",
            "yaml",
            "CloudSettings:\n  projectId: {uuid}\n  environment: production\n  serviceAccountKey: {ph_stars}\n"
            "  sdkVersion: {ver}\n",
        ),
    ),
    "asset-manifest": (
        (
            "logs/sketchfab_import.log",
            "console",
            "$ sketchfab-dl --uid {sha} --out models/\nfetched archive.zip ({ver2} MB)\n"
            "extracted scene.gltf, checksum {digest}\n",
        ),
    ),
    "webhook-sample": (
        (
            "docs/printful_webhooks.md",
            "markdown",
            "Printful sends `package_shipped` to your endpoint; verify the store id and answer 200.\n"
            'Sample: `{{"type": "package_shipped", "store": 123, "retries": 0, "data": {{"shipment": '
            '{{"tracking_number": "1Z999AA10123456784"}}}}}}`\nTest notifications go to {exmail}.\n',
        ),
    ),
    "label-run": (
        (
            "logs/shipstation_poll.log",
            "console",
            "poll {uuid}: 0 orders awaiting shipment\nrate limit 40/40, reset in 60s\npoller {ver} built from "
            "{sha}\n",
        ),
    ),
    "sample-event": (
        (
            "docs/okta_event.json",
            "json",
            '{{\n  "eventType": "user.session.start",\n  "actor": {{"alternateId": "{exmail}", "displayName": '
            '"{standin}"}},\n  "client": {{"ipAddress": "{docip}"}},\n  "uuid": "{uuid}"\n}}\n',
        ),
    ),
    "export-run": (
        (
            "logs/azure_export.log",
            "console",
            "$ az monitor diagnostic-settings list --resource /providers/microsoft.aadiam --query '[].name'\n"
            '[\n  "signin-to-storage"\n]\nexport job {uuid} copied 3 blobs ({digest})\n',
        ),
    ),
    "sample-conf": (
        (
            "liquibase.properties.example",
            "properties",
            "changeLogFile=db/changelog/db.changelog-master.yaml\nurl=jdbc:postgresql://localhost:5432/app\n"
            "username=app\npassword={ph_env}\n# Liquibase {ver}\n",
        ),
    ),
    "migrate-status": (
        (
            "logs/prisma_status.log",
            "console",
            "$ npx prisma migrate status\n4 migrations found in prisma/migrations\nDatabase schema is up to "
            "date!\n$ npx prisma --version | head -1\nprisma                  : {ver}\n",
        ),
    ),
    "broker-conf": (
        (
            "activemq/jetty-realm.properties.sample",
            "properties",
            "# username: password [,rolename ...]\n# admin: {ph_word}, admin\n# set real ones from {ph_env} at "
            "deploy time\n# ActiveMQ {ver}\n",
        ),
    ),
    "admin-output": (
        (
            "ops/sentinel_info.log",
            "console",
            '$ redis-cli -p 26379 sentinel masters | head -4\n1) "name"\n2) "mymaster"\n3) "ip"\n'
            '4) "{docip}"\n$ redis-cli -p 26379 info server | grep redis_version\nredis_version:{ver}\n',
        ),
    ),
    "insights": (
        (
            "docs/firestore.md",
            "markdown",
            "The Firebase web config (apiKey and all) lives in `src/firebase.ts`; the Admin SDK key never "
            "leaves Secret Manager (`{secretref}`).\nEmulator: `firebase emulators:start` on {loop}:8080.\n"
            "firebase-tools {ver}\n",
        ),
    ),
    "table-describe": (
        (
            "ops/cosmos_db.log",
            "console",
            "$ az cosmosdb sql database list --account-name orders-cosmos -g rg-data --query '[].id'\n"
            '[\n  "orders",\n  "audit"\n]\n$ az version --query \'"azure-cli"\'\n"{ver}"\n',
        ),
    ),
    "sample-payload": (
        (
            "docs/surveymonkey.md",
            "markdown",
            "Create an app in the SurveyMonkey developer console and put the access token in `{ph_env}`.\n"
            "Test collector responses come from {standin} ({exmail}).\nSDK {ver}.\n",
        ),
    ),
    "sync-log": (
        (
            "logs/jotform_hooks.log",
            "console",
            "POST /hooks/jotform 200 8ms submission={uuid}\nPOST /hooks/jotform 200 6ms submission={uuid2}\n"
            "handler {ver} ({sha})\n",
        ),
    ),
    "client-keys": (
        (
            "docs/segment.md",
            "markdown",
            "Server-side sources authenticate with the write key as the Basic user and an empty password: "
            "`Authorization: Basic {ph_angle}`.\nanonymousId values such as `{uuid}` hold nothing personal.\n",
        ),
    ),
    "track-log": (
        (
            "logs/mixpanel_import.log",
            "console",
            "import batch {uuid}: 2000 events accepted, 0 failed\nimport batch {uuid2}: 1432 events accepted\n"
            "mixpanel-utils {ver}\n",
        ),
    ),
    "inspect": (
        (
            "ops/harbor_scan.log",
            "console",
            "$ curl -s https://harbor.tidewright.com/api/v2.0/projects/api/repositories/web/artifacts/{digest}"
            "/additions/vulnerabilities | jq '.[].summary.total'\n3\n$ trivy --version\nVersion: {ver}\n",
        ),
    ),
    "docs": (
        (
            "~/.docker/config.json.example",
            "json",
            '{{\n  "auths": {{\n    "ghcr.io": {{}}\n  }},\n  "credsStore": "osxkeychain",\n  "credHelpers": '
            '{{\n    "public.ecr.aws": "ecr-login"\n  }},\n  "currentContext": "default"\n}}\n'
            "// pull by digest: {digest}\n",
        ),
    ),
    "public-keys": (
        (
            "ops/wg0.conf",
            "ini",
            "[Interface]\nListenPort = 51820\nPrivateKey = {ph_angle}\n\n[Peer]\n# support laptop\n"
            "AllowedIPs = {cidr}\nEndpoint = vpn.northkeep.app:51820\n",
        ),
    ),
    "guacd-log": (
        (
            "logs/anydesk_status.log",
            "console",
            "$ anydesk --version\n{ver}\n$ systemctl status anydesk | head -3\n* anydesk.service - AnyDesk\n"
            "   Active: active (running) since Thu 2026-06-11 08:02:11 UTC\n$ ip route | head -1\n"
            "default via {docip} dev eth0\n",
        ),
    ),
    "api-docs": (
        (
            "docs/openclinica.md",
            "markdown",
            "Authenticate with `POST /OpenClinica/pages/auth/api/v1/system/authentication` and a JSON body "
            '`{{"username": "...", "password": "{ph_stars}"}}`; the response is a bearer token.\n'
            "Study OIDs are public (e.g. `S_TRIAL042`); site ids look like {uuid}.\n",
        ),
    ),
    "ae-coding": (
        (
            "logs/ae_export.log",
            "console",
            "exported 128 AE rows (dataset {uuid})\nMedDRA dictionary {ver2}\nredcap-export {ver} at {sha}\n",
        ),
    ),
}


def _light(short: str, templates: tuple[tuple[str, str, str], ...]) -> Kind:
    """A kind whose text is one of its templates, each field a keep except {pw} and {mail} (secrets)."""

    every = templates + LIGHT_MORE.get(short, ())

    def kind(r: random.Random, c: Col) -> str:
        path, lang, template = every[c.pick(len(every))]
        c.path, c.lang = path, lang
        fields = _keep_fields(r)
        used = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        for f in sorted(used):
            if f == "pw":
                fields[f] = c.s("password", password(r))
            elif f == "mail":
                fields[f] = c.s("email", email(r))
            else:
                c.k(fields[f])
        return template.format(**fields)

    kind.__name__ = "light_" + short
    return kind


LIGHT: dict[str, tuple[Kind, ...]] = {
    "game-backends": (
        _light(
            "readme",
            (
                (
                    "README.md",
                    "markdown",
                    "## PlayFab setup\n\n1. Copy `.env.sample` to `.env`.\n2. Set `PLAYFAB_SECRET_KEY={ph_angle}` "
                    "(Game Manager > Title settings > Secret Keys).\n3. Run `make seed` - it reads {ph_env} and "
                    "never prints it.\n\nTested with the PlayFab SDK {ver} at commit {sha}.\n",
                ),
                (
                    ".env.sample",
                    "dotenv",
                    "PLAYFAB_TITLE_ID=ABC12\nPLAYFAB_SECRET_KEY={ph_word}\nNAKAMA_SERVER_KEY={ph_env}\n"
                    "NAKAMA_HOST={loop}\nSTEAM_WEB_API_KEY={ph_angle}\n",
                ),
            ),
        ),
        _light(
            "server-log",
            (
                (
                    "logs/dedicated.log",
                    "console",
                    "[{uuid}] GameServer {ver} listening on {any}:7777\n[{uuid}] EOS session created, "
                    "deployment {uuid2}\n[{uuid}] health probe from {loop} ok\n[{uuid}] lobby browser example "
                    "host {docip}\n",
                ),
                (
                    "logs/match.log",
                    "console",
                    "match {uuid} ended: 4 players, 18m21s\nreplay uploaded as {digest}\nserver build {ver} ({sha})\n",
                ),
            ),
        ),
    ),
    "ar-vr-3d": (
        _light(
            "map-config",
            (
                (
                    "src/arMap.ts",
                    "typescript",
                    "// public token, safe in the client bundle\nmapboxgl.accessToken = '{mapbox}';\n"
                    "export const SKETCHFAB_TOKEN = process.env.SKETCHFAB_TOKEN ?? '{ph_angle}';\n"
                    "// viewer build {ver}\n",
                ),
                (
                    "docs/quest_setup.md",
                    "markdown",
                    "Connect the headset over Wi-Fi: `adb tcpip 5555` then `adb connect {docip}:5555` (use your "
                    "headset's address).\nThe Oculus app secret goes in `{ph_env}`; never commit it.\n"
                    "Known good: ovr-platform-util {ver}, build commit {sha}.\n",
                ),
            ),
        ),
        _light(
            "asset-manifest",
            (
                (
                    "assets/manifest.json",
                    "json",
                    '{{\n  "bundle": "quest-assets",\n  "version": "{ver}",\n  "files": [\n    {{"path": "chair.glb", '
                    '"hash": "{digest}"}},\n    {{"path": "desk.glb", "hash": "{sha}"}}\n  ],\n  "upload_id": '
                    '"{uuid}"\n}}\n',
                ),
                (
                    "logs/ccd_sync.log",
                    "console",
                    "ccd sync: bucket {uuid} release {uuid2}\nuploaded 42 entries, content hash {digest}\n"
                    "ugs cli {ver}\n",
                ),
            ),
        ),
    ),
    "shipping": (
        _light(
            "webhook-sample",
            (
                (
                    "tests/fixtures/tracker_updated.json",
                    "json",
                    '{{\n  "object": "Event",\n  "description": "tracker.updated",\n  "id": "{uuid}",\n  "result": '
                    '{{"tracking_code": "EZ1000000001", "status": "in_transit", "carrier": "USPS"}},\n  '
                    '"contact": "{exmail}",\n  "received_from": "{docip}"\n}}\n',
                ),
                (
                    "docs/shipping.md",
                    "markdown",
                    "Set `EASYPOST_API_KEY={ph_angle}` and `SHIPPO_TOKEN={ph_env}`. In the sandbox, pay with "
                    "{testcard}.\nQuestions: {exmail}.\n",
                ),
            ),
        ),
        _light(
            "label-run",
            (
                (
                    "logs/labels.log",
                    "console",
                    "batch {uuid}: 37 labels purchased, 2 failed (address not found)\nmanifest {uuid2} submitted\n"
                    "label-worker {ver} @ {sha}\n",
                ),
                (
                    "logs/printful_sync.log",
                    "console",
                    "sync {uuid} started\nfetched 120 products, 9 variants changed\nmockups stored as {digest}\n"
                    "notifications sent from {role}\n",
                ),
            ),
        ),
    ),
    "audit-logs": (
        _light(
            "sample-event",
            (
                (
                    "docs/cloudtrail_example.json",
                    "json",
                    '{{\n  "eventVersion": "1.09",\n  "userIdentity": {{"type": "IAMUser", "accessKeyId": "{akex}", '
                    '"userName": "Alice"}},\n  "eventName": "ConsoleLogin",\n  "sourceIPAddress": "{docip}",\n  '
                    '"eventID": "{uuid}"\n}}\n',
                ),
                (
                    "queries/athena.sql",
                    "sql",
                    "-- failed console logins from outside the office ranges\nSELECT eventtime, useridentity.username, "
                    "sourceipaddress\nFROM cloudtrail_logs\nWHERE eventname = 'ConsoleLogin'\n  AND "
                    "errormessage IS NOT "
                    "NULL\n  AND NOT (sourceipaddress LIKE '10.%')  -- {cidr}\n-- saved query {uuid}\n",
                ),
            ),
        ),
        _light(
            "export-run",
            (
                (
                    "logs/siem_export.log",
                    "console",
                    "export {uuid}: okta -> s3 (1,204 events)\nexport {uuid2}: workspace login -> s3 (88 events)\n"
                    "exporter {ver} ({sha})\nmail alerts from {role}\n",
                ),
                (
                    "config/siem.yml",
                    "yaml",
                    "sources:\n  okta:\n    token: {ph_env}\n  workspace:\n"
                    "    key_file: /run/secrets/workspace-sa.json\n"
                    "sink:\n  bucket: audit-archive\n  listen: {loop}:9000\n",
                ),
            ),
        ),
    ),
    "db-migrations": (
        _light(
            "sample-conf",
            (
                (
                    "conf/flyway.conf.sample",
                    "properties",
                    "flyway.url=jdbc:postgresql://localhost:5432/app\nflyway.user=app\nflyway.password={ph_word}\n"
                    "flyway.placeholders.secret={ph_env}\n# Flyway {ver}\n",
                ),
                (
                    "prisma/schema.prisma",
                    "prisma",
                    'datasource db {{\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}}\n\n'
                    "// migration_lock pinned at {sha}\n// prisma {ver}\n",
                ),
            ),
        ),
        _light(
            "migrate-status",
            (
                (
                    "logs/status.log",
                    "console",
                    "$ flyway "
                    "info\n+-----------+---------+---------------------+------+---------------------+---------+\n"
                    "| Category  | Version | Description         | Type | Installed On        | State   |\n"
                    "| Versioned | 41      | add shipment index  | SQL  | 2026-06-01 10:22:01 | Success |\n"
                    "$ git rev-parse HEAD\n{sha}\n",
                ),
                (
                    "logs/gcloud_secret.log",
                    "console",
                    "$ gcloud secrets versions access latest --secret={secretref} > /dev/null && echo ok\nok\n"
                    "$ alembic current\n{uuid} (head)\n",
                ),
            ),
        ),
    ),
    "message-brokers": (
        _light(
            "broker-conf",
            (
                (
                    "rabbitmq/rabbitmq.conf",
                    "ini",
                    "listeners.tcp.default = 5672\nmanagement.tcp.ip = {any}\ndefault_user = admin\n"
                    "default_pass = {ph_env}\ncluster_formation.peer_discovery_backend = k8s\n# rabbitmq {ver}\n",
                ),
                (
                    "redis/sentinel.conf.sample",
                    "conf",
                    "sentinel monitor mymaster {loop} 6379 2\nsentinel auth-pass mymaster {ph_word}\n"
                    "# allowed clients from {cidr}\n",
                ),
            ),
        ),
        _light(
            "admin-output",
            (
                (
                    "ops/queues.log",
                    "console",
                    "$ rabbitmqctl list_queues name messages consumers\nTimeout: 60.0 seconds ...\norders\t0\t4\n"
                    "refunds\t2\t1\n$ rabbitmqctl version\n{ver}\n$ rabbitmqctl cluster_status | grep 'Cluster name'\n"
                    "Cluster name: rabbit@{uuid}\n",
                ),
                (
                    "ops/pulsar_topics.log",
                    "console",
                    "$ pulsar-admin topics list payments/ingest\npersistent://payments/ingest/events\n"
                    "$ pulsar-admin brokers healthcheck\nok\n# broker image {digest}\n",
                ),
            ),
        ),
    ),
    "cloud-nosql": (
        _light(
            "insights",
            (
                (
                    "appsettings.json",
                    "json",
                    '{{\n  "ApplicationInsights": {{\n    "ConnectionString": "InstrumentationKey={ikey};'
                    'IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"\n  }},\n  "Cosmos": '
                    '{{\n    "Endpoint": "https://localhost:8081/",\n    "Key": "{ph_angle}"\n  }}\n}}\n',
                ),
                (
                    "docs/neo4j.md",
                    "markdown",
                    "Connect with `cypher-shell -a neo4j+s://<dbid>.databases.neo4j.io -u neo4j -p {ph_angle}`.\n"
                    "The driver {ver} logs the session id ({uuid}) at debug level only.\n",
                ),
            ),
        ),
        _light(
            "table-describe",
            (
                (
                    "ops/describe.log",
                    "console",
                    '$ aws dynamodb describe-table --table-name customers --query Table.TableId\n"{uuid}"\n'
                    "$ aws configure get region\neu-west-1\n# example key id in the wiki: {akex}\n",
                ),
                (
                    "ops/astra.log",
                    "console",
                    "$ astra db get vector --key id\n{uuid}\n$ astra --version\n{ver}\n",
                ),
            ),
        ),
    ),
    "surveys-forms": (
        _light(
            "sample-payload",
            (
                (
                    "tests/fixtures/typeform_response.json",
                    "json",
                    '{{\n  "event_id": "{uuid}",\n  "form_response": {{\n    "hidden": {{"source": '
                    '"newsletter"}},\n    '
                    '"answers": [\n      {{"type": "email", "email": "{exmail}"}},\n      {{"type": "text", "text": '
                    '"{standin}"}}\n    ]\n  }}\n}}\n',
                ),
                (
                    "docs/jotform.md",
                    "markdown",
                    "Webhook URL: `https://forms.api.internal/hooks/jotform`. Jotform signs nothing, so the handler "
                    "checks the form id and the `{ph_env}` query secret.\nExample submitter: {standin} <{exmail}>.\n",
                ),
            ),
        ),
        _light(
            "sync-log",
            (
                (
                    "logs/survey_sync.log",
                    "console",
                    "pulled 318 responses for survey {uuid}\nwrote exports/responses-{ver}.csv\n"
                    "respondent ids are anonymous UUIDs, e.g. {uuid2}\n",
                ),
                (
                    "logs/forms_mirror.log",
                    "console",
                    "mirror {ver} starting ({sha})\nsheet {uuid}: 12 new rows\nnotifications from {role}\n",
                ),
            ),
        ),
    ),
    "customer-data": (
        _light(
            "client-keys",
            (
                (
                    "web/analytics.ts",
                    "typescript",
                    "// PostHog's project key is public by design\nposthog.init('{posthog}', "
                    "{{ api_host: 'https://eu.posthog.com' }});\nanalytics.load(process.env.SEGMENT_WRITE_KEY ?? "
                    "'{ph_angle}');\nanalytics.identify('{uuid}');\n",
                ),
                (
                    "docs/amplitude.md",
                    "markdown",
                    "Export with `curl -u {ph_env}:$AMPLITUDE_SECRET_KEY ...`.\nAnonymous device ids "
                    "look like {uuid}.\n"
                    "Tested with the SDK {ver}.\n",
                ),
            ),
        ),
        _light(
            "track-log",
            (
                (
                    "logs/track.log",
                    "console",
                    "track Checkout anonymousId={uuid} ok\ntrack Checkout anonymousId={uuid2} ok\nbatch flushed "
                    "(2 events) by tracker {ver}\n",
                ),
                (
                    "logs/rudder.log",
                    "console",
                    "rudder-server {ver} ({sha})\ngateway listening on {any}:8080\nsource config {uuid} loaded\n",
                ),
            ),
        ),
    ),
    "container-registries": (
        _light(
            "inspect",
            (
                (
                    "ops/inspect.log",
                    "console",
                    "$ docker buildx imagetools inspect ghcr.io/tidewright/api:{ver}\nName:      "
                    "ghcr.io/tidewright/api:{ver}\nMediaType: application/vnd.oci.image.index.v1+json\nDigest:    "
                    "{digest}\n",
                ),
                (
                    "ops/crane.log",
                    "console",
                    "$ crane digest quay.io/tidewright/base:3.20\n{digest}\n$ git -C base rev-parse HEAD\n{sha}\n",
                ),
            ),
        ),
        _light(
            "docs",
            (
                (
                    "docs/registry.md",
                    "markdown",
                    "Log in with a personal access token: `echo {ph_env} | docker login ghcr.io -u USERNAME "
                    "--password-stdin`.\nA token looks like `{ghfill}`.\nClone over SSH as {gitrole}.\n",
                ),
                (
                    "harbor/robot.sample.json",
                    "json",
                    '{{\n  "name": "ci+push",\n  "secret": "{ph_angle}",\n  "permissions": [{{"kind": "project", '
                    '"namespace": "tidewright"}}],\n  "request_id": "{uuid}"\n}}\n',
                ),
            ),
        ),
    ),
    "remote-desktop": (
        _light(
            "public-keys",
            (
                ("ops/authorized_keys", "text", "# support tunnel keys, reviewed {ver}\n{pub}\n"),
                (
                    "docs/rustdesk.md",
                    "markdown",
                    "Point clients at your relay (e.g. `{docip}`) and paste the server's public key from "
                    "`id_ed25519.pub`.\nUnattended access password: set one per device, never `{ph_word}`.\n",
                ),
            ),
        ),
        _light(
            "guacd-log",
            (
                (
                    "logs/guacd.log",
                    "console",
                    "guacd[812]: Guacamole proxy daemon (guacd) version {ver} started\nguacd[812]: Listening on host "
                    '{loop}, port 4822\nguacd[812]: Creating new client for protocol "rdp"\nguacd[812]: Connection '
                    'ID is "${uuid}"\n',
                ),
                (
                    "logs/vnc.log",
                    "console",
                    "Xvnc TigerVNC {ver} - built {sha}\nListening for VNC connections on all interface(s), port 5901\n"
                    "Connections: accepted: {docip}::51234\n",
                ),
            ),
        ),
    ),
    "clinical-edc": (
        _light(
            "api-docs",
            (
                (
                    "docs/redcap_api.md",
                    "markdown",
                    "POST to `/api/` with `token={ph_angle}&content=record&format=json`.\nStore the "
                    "token in the vault as "
                    "`{secretref}`; scripts read it from {ph_env}.\nREDCap {ver}.\n",
                ),
                (
                    "config/edc.sample.yml",
                    "yaml",
                    "openclinica:\n  url: https://trial.openclinica.io\n  username: datamanager\n  password: "
                    "{ph_word}\nredcap:\n  token: {ph_env}\n",
                ),
            ),
        ),
        _light(
            "ae-coding",
            (
                (
                    "logs/ae_coding.log",
                    "console",
                    "coded 41 AE terms against MedDRA 26.1\nexport {uuid} written\ncoder {ver} ({sha})\n",
                ),
                (
                    "exports/ae_summary.csv",
                    "csv",
                    "soc,pt,count\nNervous system disorders,Headache,12\nGastrointestinal disorders,Nausea,7\n"
                    "# summary {uuid}, no subject identifiers\n",
                ),
            ),
        ),
    ),
}


# ---------------------------------------------------------------------------------------------------------
# Vendor tokens a project of each setting keeps beside its own: CI secrets, env files, vault reads.

VENDOR_MAKERS: dict[str, tuple[str, Callable[[random.Random], str]]] = {
    "github-token": ("GH_TOKEN", tok_github),
    "npm-token": ("NPM_TOKEN", tok_npm),
    "aws-access-key": ("AWS_ACCESS_KEY_ID", tok_aws_id),
    "slack-token": ("SLACK_BOT_TOKEN", tok_slack),
    "stripe-key": ("STRIPE_SECRET_KEY", tok_stripe),
    "google-api-key": ("GOOGLE_MAPS_API_KEY", tok_google),
    "google-oauth-secret": ("GOOGLE_CLIENT_SECRET", tok_google_oauth),
    "sendgrid-key": ("SENDGRID_API_KEY", tok_sendgrid),
    "gitlab-token": ("GITLAB_TOKEN", tok_gitlab),
    "dockerhub-token": ("DOCKERHUB_TOKEN", tok_dockerhub),
    "shippo-token": ("SHIPPO_API_TOKEN", tok_shippo),
    "easypost-key": ("EASYPOST_API_KEY", tok_easypost),
    "openai-key": ("OPENAI_API_KEY", tok_openai),
    "huggingface-token": ("HF_TOKEN", tok_hf),
    "typeform-token": ("TYPEFORM_TOKEN", tok_typeform),
    "artifactory-token": ("JFROG_ACCESS_TOKEN", tok_artifactory),
    "grafana-token": ("GRAFANA_SA_TOKEN", tok_grafana),
    "astra-token": ("ASTRA_DB_APPLICATION_TOKEN", tok_astra),
}

SETTING_VENDORS: dict[str, tuple[str, ...]] = {
    "game-backends": ("github-token", "slack-token", "stripe-key", "huggingface-token"),
    "ar-vr-3d": ("huggingface-token", "openai-key", "github-token", "google-api-key"),
    "shipping": ("easypost-key", "shippo-token", "stripe-key", "sendgrid-key"),
    "audit-logs": ("slack-token", "aws-access-key", "github-token", "grafana-token"),
    "db-migrations": ("gitlab-token", "npm-token", "github-token", "slack-token"),
    "message-brokers": ("grafana-token", "slack-token", "gitlab-token", "dockerhub-token"),
    "cloud-nosql": ("astra-token", "google-api-key", "aws-access-key", "openai-key"),
    "surveys-forms": ("typeform-token", "google-oauth-secret", "sendgrid-key", "slack-token"),
    "customer-data": ("sendgrid-key", "stripe-key", "slack-token", "google-oauth-secret"),
    "container-registries": ("npm-token", "gitlab-token", "dockerhub-token", "artifactory-token"),
    "remote-desktop": ("slack-token", "github-token", "npm-token", "dockerhub-token"),
    "clinical-edc": ("openai-key", "sendgrid-key", "gitlab-token", "google-oauth-secret"),
}


def _vendor_kind(setting: str) -> Kind:
    """A kind printing one or two of the setting's vendor tokens in one of several layouts."""

    def kind(r: random.Random, c: Col) -> str:
        vendors = SETTING_VENDORS[setting]
        picks = [vendors[c.nth % 4], vendors[(c.nth + 2) % 4]]
        pairs = []
        for cls in picks:
            env, make = VENDOR_MAKERS[cls]
            pairs.append((env, c.s(cls, make(r))))
        repo = f"{r.choice(['tidewright', 'keelrow', 'brightfold'])}/{setting.split('-')[0]}-service"
        v = r.randrange(5)
        if v == 0:
            c.path, c.lang = ".env", "dotenv"
            return (
                "APP_ENV=production\nLOG_LEVEL=info\n"
                + "".join(f"{e}={t}\n" for e, t in pairs)
                + f"RELEASE_SHA={c.k(hexs(r, 40))}\n"
            )
        if v == 1:
            c.path, c.lang = "ops/secrets.sh", "console"
            return (
                "".join(
                    f'$ gh secret set {e} --repo {repo} --body "{t}"\n\u2713 Set Actions secret {e} for {repo}\n'
                    for e, t in pairs
                )
                + f"$ gh secret list --repo {repo} | wc -l\n{r.randint(4, 19)}\n"
            )
        if v == 2:
            c.path, c.lang = "ops/vault.json", "json"
            return (
                f"$ vault kv get -format=json secret/{setting}/ci\n"
                + json.dumps(
                    {
                        "request_id": c.k(uuid4(r)),
                        "lease_duration": 2764800,
                        "data": {"data": dict(pairs), "metadata": {"version": r.randint(2, 30)}},
                    },
                    indent=2,
                )
                + "\n"
            )
        if v == 3:
            c.path, c.lang = "ci/job.log", "console"
            return (
                "##[group]Run ./scripts/release.sh\n"
                "env:\n"
                + "".join(f"  {e}: {t}\n" for e, t in pairs)
                + f"  RELEASE: {c.k(version(r))}\n##[endgroup]\n+ ./scripts/release.sh\nrelease ok\n"
            )
        c.path, c.lang = "settings/local.py", "python"
        return (
            "import os\n\n"
            + "".join(f'os.environ.setdefault("{e}", "{t}")\n' for e, t in pairs)
            + f'os.environ.setdefault("DATABASE_PASSWORD", "{c.k("${DATABASE_PASSWORD}")}")\n'
        )

    kind.__name__ = "vendor_ci_secrets"
    return kind


# ---------------------------------------------------------------------------------------------------------
# The corpus.

KINDS: dict[str, tuple[Kind, ...]] = {
    "game-backends": (game_playfab, game_steam, game_eos, game_nakama, game_leaderboard, game_wallet),
    "ar-vr-3d": (ar_unity, ar_sketchfab, ar_matterport, ar_quest, ar_assets_seed, ar_hf),
    "shipping": (ship_easypost, ship_shippo, ship_shipstation, ship_printful, ship_carriers),
    "audit-logs": (audit_cloudtrail, audit_azure, audit_okta, audit_workspace),
    "db-migrations": (db_flyway, db_liquibase, db_alembic, db_prisma, db_atlas),
    "message-brokers": (mq_rabbit, mq_activemq, mq_sentinel, mq_pulsar, mq_bastion, mq_grafana),
    "cloud-nosql": (nosql_cosmos, nosql_dynamo, nosql_firestore, nosql_couchbase, nosql_neo4j, nosql_astra),
    "surveys-forms": (survey_typeform, survey_monkey, survey_gforms, survey_jotform, survey_incentives),
    "customer-data": (cdp_segment, cdp_rudder, cdp_amplitude, cdp_mixpanel, cdp_warehouse, cdp_sendgrid),
    "container-registries": (reg_docker_config, reg_ecr, reg_ghcr, reg_harbor, reg_quay, reg_artifactory),
    "remote-desktop": (rd_guacamole, rd_teamviewer, rd_anydesk, rd_rustdesk, rd_vnc, rd_ssh_key),
    "clinical-edc": (edc_redcap, edc_openclinica, edc_subjects, edc_adverse, edc_reimburse, edc_ai_coding),
}
SETTINGS: tuple[str, ...] = tuple(KINDS)
DOCS_PER_SETTING = 26

CLASSES = frozenset(
    {
        *VENDOR_CLASSES,
        "password",
        "url-password",
        "api-key",
        "secret",
        "token",
        "aws-secret-key",
        "azure-key",
        "jwt",
        "private-key",
        "openssh-key",
        "key-id",
        "email",
        "person-name",
        "phone",
        "card-number",
        "iban",
        "ssn",
        "ip-address",
        "password-hash",
        "recovery-phrase",
        "session-cookie",
        "docker-auth",
        "basic-auth",
        "registry-password",
    }
)


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """Every document of every setting, the same for the same seed."""
    r = random.Random(seed)
    docs: list[Document] = []
    for setting, heavy in KINDS.items():
        kinds = (*heavy, _vendor_kind(setting), *LIGHT[setting], *LIGHT[setting])
        order = list(DELIVERIES) * (DOCS_PER_SETTING // len(DELIVERIES) + 1)
        r.shuffle(order)
        seen: dict[Kind, int] = {}
        for i in range(DOCS_PER_SETTING):
            kind = kinds[i % len(kinds)]
            nth = seen[kind] = seen.get(kind, -1) + 1
            short = kind.__name__.split("_", 1)[1].replace("_", "-")
            docs.append(_document(r, setting, kind, nth, f"{setting}/{short}/{i:02d}", order[i]))
    return docs


def corpus_digest(docs: Iterable[Document]) -> str:
    """A fingerprint of the whole corpus, labels included."""
    blob = json.dumps([attrs.asdict(d) for d in docs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def _windows(text: str) -> set[str]:
    return {text[i : i + 6] for i in range(len(text) - 5)}


def measure_documents(docs: Iterable[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregate recall, recall without fragments, vendor recall and keep rate; never a value."""
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
