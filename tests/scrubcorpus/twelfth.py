"""Held-back labelled corpus, twelfth: secrets and personal data in settings far from a web app's repository.

What an agent reads and prints while it works on data pipelines (dbt, Airflow, notebooks), mobile and game
projects, payment integrations and their payout reports, healthcare, HR and CRM exports, runbooks and
postmortems, support tickets, devtools HAR entries, ORM logs of several frameworks, queue payloads, mail,
calendar and contact files, LDAP, ISO 20022 payment XML, extracted tax forms, spreadsheets, API responses and
many tools' configuration and CLI sessions. It measures the scrubber blind: it was written from the public
descriptions of these formats and the scrubber's published policy, never tuned against the scrubber.

Every value is generated from the seed by the functions below; no value is a real credential and no record
names a real person (names come from small tables of common given and family names).

Labelling policy:
- A secret span is the value only: never its key, its quotes, its scheme or an Authorization scheme. For a URL
  credential it is the password; for a PEM key the whole block from its BEGIN line to its END line.
- A document's every copy of a secret's text is labelled.
- Personal data are secrets: e-mail addresses on ordinary domains, phone numbers (national formats and E.164),
  US social security numbers, Luhn-valid card numbers, IBANs with a valid mod-97 check, and a person's name
  where a structured field says it is one (a mail header or git line beside an address, a vCard's ``FN``, a
  person's LDIF ``cn``, a record's name key or column, the local git identity). Dates of birth are not
  labelled; names in prose, in package metadata without an address and in licence headers are not labelled,
  nor is a given name alone.
- Must-survive spans (``keeps``): the key names beside secrets, hosts under reserved example domains,
  documentation addresses, paths outside home directories, UUIDs, commit SHAs, digests, versions, request
  ids, amounts, dates, order numbers, product names, placeholders and masked values, e-mail addresses on
  reserved domains and role accounts, the card numbers processors publish for testing, and look-alikes that
  fail a format's check. A home directory's user name is never a keep (the scrubber turns home paths to ``~``).
- A delivery changes how the text reaches the scrubber: as is, inside a JSON transcript line (the span is
  then the escaped text as it appears), as a diff's added lines, behind line numbers, behind CI timestamps, or
  in a Markdown fence. A span that crosses lines holds the prefixes as they appear.

`LOOKALIKE_DOCUMENTS` documents hold look-alikes only and no secret; every class is the main secret of at
least `MIN_PER_CLASS` documents.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import string
import zlib
from collections.abc import Callable, Sequence

import attrs

DEFAULT_SEED = 20261206
DOCUMENTS = 360
LOOKALIKE_DOCUMENTS = 36
MIN_PER_CLASS = 8

DELIVERIES = ("plain", "json-transcript", "diff", "numbered", "ci-log", "fence")

ALNUM = string.ascii_letters + string.digits
BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
URLSAFE = ALNUM + "-_"
HEX = "0123456789abcdef"
BASE32 = string.ascii_uppercase + "234567"

GIVEN = (
    "Maria", "Tomasz", "Aiko", "Rahul", "Ingrid", "Diego", "Fatima", "Lukas",
    "Nadia", "Oliver", "Priya", "Samuel", "Chloe", "Mateo", "Hannah", "Kwame",
)  # fmt: skip
FAMILY = (
    "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Haddad", "Fischer", "Novak",
    "Ramirez", "Brennan", "Castillo", "Andersen", "Iyer", "Whitfield", "Duarte", "Sorensen",
)  # fmt: skip
SYLLABLES = (
    "vel",
    "mor",
    "kest",
    "tal",
    "bry",
    "orn",
    "quin",
    "lum",
    "dar",
    "sef",
    "pax",
    "rino",
    "cor",
    "tev",
)
TLDS = (".com", ".io", ".co", ".de", ".fr", ".nl", ".co.uk", ".net")
USERS = ("anap", "tkr", "zoeh", "ravik", "jbx", "mlw")
PROCESSOR_TEST_CARDS = frozenset(
    {
        "4242424242424242", "4000056655665556", "5555555555554444", "2223003122003222", "5200828282828210",
        "5105105105105100", "378282246310005", "371449635398431", "6011111111111117", "6011000990139424",
        "3056930009020004", "36227206271667", "4111111111111111", "4012888888881881", "5431111111111111",
        "4000000000000002", "4000000000009995", "4000002500003155",
    }
)  # fmt: skip


@attrs.frozen
class Span:
    start: int
    end: int
    text: str
    cls: str = ""


@attrs.frozen
class Document:
    text: str
    kind: str
    delivery: str
    secrets: tuple[Span, ...]
    keeps: tuple[Span, ...]


@attrs.frozen
class SecretClass:
    name: str
    vendor_prefix: bool


@attrs.frozen
class S:
    """A secret piece of a draft."""

    text: str
    cls: str


@attrs.frozen
class K:
    """A must-survive piece of a draft."""

    text: str


Piece = str | S | K


@attrs.frozen
class Draft:
    kind: str
    pieces: tuple[Piece, ...]


def _draft(kind: str, *pieces: Piece | Sequence[Piece]) -> Draft:
    flat: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, str | S | K):
            flat.append(piece)
        else:
            flat.extend(piece)
    return Draft(kind, tuple(flat))


# --- value generators -------------------------------------------------------------------------------------


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def base62(number: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, 62)
        digits = BASE62[rest] + digits
    return digits or "0"


def github_checksum(body: str) -> str:
    """GitHub's published token checksum: CRC32 of the random part, base62, six characters."""
    return base62(zlib.crc32(body.encode())).rjust(6, "0")


def luhn_digit(partial: str) -> str:
    total = 0
    for index, char in enumerate(reversed(partial)):
        digit = int(char)
        if index % 2 == 0:
            digit *= 2
            digit -= 9 if digit > 9 else 0
        total += digit
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    return len(number) > 1 and luhn_digit(number[:-1]) == number[-1]


def iban_check(country: str, bban: str) -> str:
    numeric = "".join(str(int(char, 36)) for char in bban + country + "00")
    return f"{98 - int(numeric) % 97:02d}"


def iban_valid(iban: str) -> bool:
    compact = iban.replace(" ", "")
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in moved)) % 97 == 1


@attrs.define
class Gen:
    """Draws every value of a document from one seeded generator."""

    rng: random.Random

    def chars(self, alphabet: str, length: int) -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(length))

    def pick(self, options: Sequence[str]) -> str:
        return self.rng.choice(options)

    def num(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def digits(self, length: int) -> str:
        return str(self.rng.randint(1, 9)) + self.chars(string.digits, length - 1)

    def mixed(self, alphabet: str, length: int) -> str:
        """A generated token holding each of upper, lower and digit its alphabet has (a real one almost always does)."""
        while True:
            value = self.chars(alphabet, length)
            wanted = (str.isupper, str.islower, str.isdigit)
            if all(any(map(test, value)) for test in wanted if any(map(test, alphabet))):
                return value

    # keeps
    def uuid(self) -> str:
        h = self.chars(HEX, 32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.pick('89ab')}{h[17:20]}-{h[20:]}"

    def sha(self) -> str:
        return self.chars(HEX, 40)

    def sha256(self) -> str:
        return self.chars(HEX, 64)

    def version(self) -> str:
        return f"{self.num(0, 9)}.{self.num(0, 30)}.{self.num(0, 20)}"

    def doc_ip(self) -> str:
        return f"{self.pick(('192.0.2', '198.51.100', '203.0.113'))}.{self.num(2, 250)}"

    def example_host(self) -> str:
        sub = self.pick(("api", "staging", "db-primary", "queue", "grafana", "shop", "auth", "ci"))
        return f"{sub}.{self.pick(('example.com', 'example.org', 'example.net', 'corp.test', 'svc.example'))}"

    def date(self) -> str:
        return f"2026-{self.num(1, 12):02d}-{self.num(1, 28):02d}"

    def amount(self) -> str:
        return f"{self.num(3, 9800)}.{self.num(0, 99):02d}"

    def order(self) -> str:
        return f"{self.pick(('ORD', 'INV', 'PO', 'SO'))}-{self.num(2024, 2026)}-{self.num(1000, 99999):05d}"

    def home(self) -> str:
        user = self.pick(USERS)
        return self.pick((f"/home/{user}", f"/Users/{user}"))

    def project(self) -> str:
        return self.pick(("ledgerline", "harbor-pay", "tidepool", "ember-quest", "fieldnote", "clinicflow"))

    # people and addresses
    def domain(self) -> str:
        return self.pick(SYLLABLES) + self.pick(SYLLABLES) + self.pick(TLDS)

    def person(self) -> tuple[str, str]:
        return self.pick(GIVEN), self.pick(FAMILY)

    def name(self) -> S:
        given, family = self.person()
        return S(f"{given} {family}", "person-name")

    def email_for(self, given: str, family: str) -> S:
        local = self.pick(
            (f"{given}.{family}", f"{given[0]}{family}", f"{given}{self.num(10, 99)}", f"{family}.{given[0]}")
        )
        return S(f"{local.lower()}@{self.domain()}", "email")

    def email(self) -> S:
        return self.email_for(*self.person())

    def phone(self) -> S:
        style = self.num(0, 7)
        if style == 0:
            return S(f"+1 {self.num(201, 989)}-{self.num(201, 989)}-{self.digits(4)}", "phone")
        if style == 1:
            return S(f"({self.num(201, 989)}) {self.num(201, 989)}-{self.digits(4)}", "phone")
        if style == 2:
            return S(f"+44 7{self.digits(3)} {self.digits(6)}", "phone")
        if style == 3:
            return S(f"+49 30 {self.digits(8)}", "phone")
        if style == 4:
            pairs = " ".join(self.digits(2) for _ in range(4))
            return S(f"+33 6 {pairs}", "phone")
        if style == 5:
            return S(f"+1{self.num(201, 989)}{self.num(201, 989)}{self.digits(4)}", "phone")
        if style == 6:
            return S(f"+81 90-{self.digits(4)}-{self.digits(4)}", "phone")
        return S(f"+91 9{self.digits(4)} {self.digits(5)}", "phone")

    def ssn(self, dashed: bool = True) -> S:
        while True:
            area = self.num(1, 899)
            if area != 666:
                break
        value = f"{area:03d}-{self.num(1, 99):02d}-{self.num(1, 9999):04d}"
        return S(value if dashed else value.replace("-", ""), "ssn")

    def card_digits(self) -> str:
        while True:
            prefix, length = self.rng.choice(
                (("4", 16), ("5" + str(self.num(1, 5)), 16), ("37", 15), ("6011", 16))
            )
            partial = prefix + self.chars(string.digits, length - len(prefix) - 1)
            number = partial + luhn_digit(partial)
            if number not in PROCESSOR_TEST_CARDS:
                return number

    def card(self, grouped: bool = True) -> S:
        number = self.card_digits()
        if grouped and len(number) == 16:
            number = " ".join(number[i : i + 4] for i in range(0, 16, 4))
        return S(number, "card-number")

    def bban(self, country: str) -> str:
        if country == "DE":
            return self.digits(8) + self.chars(string.digits, 10)
        if country == "GB":
            return self.pick(("NWBK", "BARC", "LOYD", "MIDL")) + self.chars(string.digits, 14)
        if country == "NL":
            return self.pick(("ABNA", "RABO", "INGB", "TRIO")) + self.chars(string.digits, 10)
        if country == "FR":
            bank, branch, account = (
                self.digits(5),
                self.chars(string.digits, 5),
                self.chars(string.digits, 11),
            )
            key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
            return f"{bank}{branch}{account}{key:02d}"
        if country == "BE":
            first = self.chars(string.digits, 10)
            return first + f"{int(first) % 97 or 97:02d}"
        if country == "AT":
            return self.digits(5) + self.chars(string.digits, 11)
        return self.digits(5) + self.chars(string.digits, 12)

    def iban_text(self, valid: bool = True, grouped: bool | None = None) -> str:
        country = self.pick(("DE", "GB", "NL", "FR", "BE", "AT", "CH"))
        bban = self.bban(country)
        check = iban_check(country, bban)
        if not valid:
            check = f"{(int(check) + self.num(1, 9)) % 97 or 11:02d}"
            if check == iban_check(country, bban):
                check = "01" if check != "01" else "02"
        compact = country + check + bban
        if grouped is None:
            grouped = self.rng.random() < 0.5
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4)) if grouped else compact

    def iban(self) -> S:
        return S(self.iban_text(), "iban")

    # credentials
    def password(self) -> str:
        style = self.num(0, 3)
        if style == 0:
            return self.mixed(ALNUM, self.num(16, 28))
        if style == 1:
            words = ("tundra", "maple", "copper", "lantern", "orchid", "falcon", "glacier", "saffron")
            return f"{self.pick(words).title()}-{self.pick(words).title()}-{self.num(10, 99)}!"
        if style == 2:
            return self.mixed(ALNUM + "!#%^*", self.num(14, 22)) + self.pick("!#%")
        return self.mixed(ALNUM + "_-", 32)

    def jwt(self) -> str:
        header = {"alg": self.pick(("HS256", "RS256")), "typ": "JWT"}
        payload = {
            "sub": self.uuid(),
            "iss": f"https://auth.{self.domain()}/",
            "iat": 1780000000 + self.num(0, 9_000_000),
            "exp": 1790000000 + self.num(0, 9_000_000),
            "scope": self.pick(("read:orders write:orders", "openid profile", "admin")),
        }
        sig = bytes(self.rng.getrandbits(8) for _ in range(32 if header["alg"] == "HS256" else 256))
        parts = (json.dumps(header, separators=(",", ":")), json.dumps(payload, separators=(",", ":")))
        return f"{_b64url(parts[0].encode())}.{_b64url(parts[1].encode())}.{_b64url(sig)}"

    def pem(self) -> str:
        label = self.pick(("RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"))
        if label == "OPENSSH PRIVATE KEY":
            head, size, width = b"openssh-key-v1\x00", 380, 70
        elif label == "EC PRIVATE KEY":
            head, size, width = bytes((0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20)), 112, 64
        else:
            head, size, width = (
                bytes((0x30, 0x82, 0x04, 0xA4, 0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01)),
                660,
                64,
            )
        body = base64.b64encode(head + bytes(self.rng.getrandbits(8) for _ in range(size))).decode()
        lines = [body[i : i + width] for i in range(0, len(body), width)]
        return "\n".join([f"-----BEGIN {label}-----", *lines, f"-----END {label}-----"])

    def public_key(self) -> str:
        blob = base64.b64encode(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 " + self.rng.randbytes(32)).decode()
        return f"ssh-ed25519 {blob}"


# --- classes and their values ------------------------------------------------------------------------------


def _github_classic(g: Gen) -> str:
    body = g.mixed(BASE62, 30)
    return f"{g.pick(('ghp', 'gho', 'ghs'))}_{body}{github_checksum(body)}"


VENDOR_VALUES: dict[str, Callable[[Gen], str]] = {
    "github-classic-token": _github_classic,
    "github-fine-grained-token": lambda g: f"github_pat_{g.mixed(ALNUM, 22)}_{g.mixed(ALNUM, 59)}",
    "gitlab-token": lambda g: f"glpat-{g.mixed(URLSAFE, 20)}",
    "slack-token": lambda g: f"{g.pick(('xoxb', 'xoxp'))}-{g.digits(12)}-{g.digits(13)}-{g.mixed(ALNUM, 24)}",
    "stripe-secret-key": lambda g: f"{g.pick(('sk_live_', 'rk_live_'))}51{g.mixed(ALNUM, 96)}",
    "stripe-webhook-secret": lambda g: f"whsec_{g.mixed(ALNUM, 32)}",
    "aws-access-key": lambda g: g.pick(("AKIA", "ASIA")) + g.chars(BASE32, 16),
    "openai-key": lambda g: f"sk-proj-{g.mixed(URLSAFE, 48)}T3BlbkFJ{g.mixed(URLSAFE, 48)}",
    "anthropic-key": lambda g: f"sk-ant-api03-{g.mixed(URLSAFE, 93)}AA",
    "sendgrid-key": lambda g: f"SG.{g.mixed(URLSAFE, 22)}.{g.mixed(URLSAFE, 43)}",
    "twilio-api-key": lambda g: f"SK{g.chars(HEX, 32)}",
    "npm-token": lambda g: f"npm_{g.mixed(ALNUM, 36)}",
    "pypi-token": lambda g: f"pypi-AgEIcHlwaS5vcmc{g.mixed(URLSAFE, 140)}",
    "shopify-token": lambda g: f"{g.pick(('shpat_', 'shpss_'))}{g.chars(HEX, 32)}",
    "google-api-key": lambda g: f"AIza{g.mixed(URLSAFE, 35)}",
    "huggingface-token": lambda g: f"hf_{g.mixed(string.ascii_letters, 34)}",
    "digitalocean-token": lambda g: f"dop_v1_{g.chars(HEX, 64)}",
    "vault-token": lambda g: f"hvs.{g.mixed(ALNUM, 24)}",
    "postman-key": lambda g: f"PMAK-{g.chars(HEX, 24)}-{g.chars(HEX, 34)}",
    "linear-key": lambda g: f"lin_api_{g.mixed(ALNUM, 40)}",
    "databricks-token": lambda g: f"dapi{g.chars(HEX, 32)}",
    "grafana-token": lambda g: f"glsa_{g.mixed(ALNUM, 32)}_{g.chars(HEX, 8)}",
}

GENERIC_VALUES: dict[str, Callable[[Gen], str]] = {
    "aws-secret-key": lambda g: g.mixed(ALNUM + "/+", 40),
    "jwt": lambda g: g.jwt(),
    "private-key": lambda g: g.pem(),
    "password": lambda g: g.password(),
    "url-password": lambda g: (
        g.password().replace("!", "").replace("#", "").replace("%", "").replace("^", "x")
    ),
    "auth-header-token": lambda g: g.mixed(URLSAFE, g.num(40, 64)),
    "session-cookie": lambda g: g.mixed(ALNUM, 32).lower() + g.digits(2),
    "oauth-client-secret": lambda g: (
        g.chars(ALNUM, 3) + "8Q~" + g.mixed(ALNUM + "_~.-", 34)
        if g.rng.random() < 0.4
        else g.mixed(URLSAFE, 40)
    ),
    "refresh-token": lambda g: (
        "1//0" + g.mixed(URLSAFE, 99) if g.rng.random() < 0.4 else g.mixed(URLSAFE, 64)
    ),
    "webhook-secret": lambda g: g.chars(HEX, 64) if g.rng.random() < 0.5 else g.mixed(ALNUM, 40),
    "runbook-password": lambda g: g.password(),
    "email": lambda g: g.email().text,
    "phone": lambda g: g.phone().text,
    "ssn": lambda g: g.ssn().text,
    "card-number": lambda g: g.card().text,
    "iban": lambda g: g.iban().text,
    "person-name": lambda g: g.name().text,
}

CLASSES: tuple[SecretClass, ...] = tuple(SecretClass(name, True) for name in VENDOR_VALUES) + tuple(
    SecretClass(name, False) for name in GENERIC_VALUES
)
VENDOR_CLASSES: frozenset[str] = frozenset(c.name for c in CLASSES if c.vendor_prefix)


# --- templates: one main secret each, in a setting -------------------------------------------------------

Template = Callable[[Gen, S], Draft]


ENV_KEYS: dict[str, str] = {
    "github-classic-token": "GITHUB_TOKEN",
    "github-fine-grained-token": "GH_RELEASE_TOKEN",
    "gitlab-token": "GITLAB_PRIVATE_TOKEN",
    "slack-token": "SLACK_BOT_TOKEN",
    "stripe-secret-key": "STRIPE_SECRET_KEY",
    "stripe-webhook-secret": "STRIPE_WEBHOOK_SECRET",
    "aws-access-key": "AWS_ACCESS_KEY_ID",
    "openai-key": "OPENAI_API_KEY",
    "anthropic-key": "ANTHROPIC_API_KEY",
    "sendgrid-key": "SENDGRID_API_KEY",
    "twilio-api-key": "TWILIO_API_KEY",
    "npm-token": "NPM_TOKEN",
    "pypi-token": "TWINE_PASSWORD",
    "shopify-token": "SHOPIFY_ADMIN_TOKEN",
    "google-api-key": "GOOGLE_MAPS_API_KEY",
    "huggingface-token": "HF_TOKEN",
    "digitalocean-token": "DIGITALOCEAN_ACCESS_TOKEN",
    "vault-token": "VAULT_TOKEN",
    "postman-key": "POSTMAN_API_KEY",
    "linear-key": "LINEAR_API_KEY",
    "databricks-token": "DATABRICKS_TOKEN",
    "grafana-token": "GRAFANA_SERVICE_ACCOUNT_TOKEN",
    "aws-secret-key": "AWS_SECRET_ACCESS_KEY",
    "webhook-secret": "GITHUB_WEBHOOK_SECRET",
    "oauth-client-secret": "OAUTH_CLIENT_SECRET",
    "refresh-token": "GOOGLE_REFRESH_TOKEN",
    "password": "DB_PASSWORD",
}


def _env_line(g: Gen, key: str, s: S) -> list[Piece]:
    quote = g.pick(("", '"', "'"))
    return [K(key), f"={quote}", s, f"{quote}\n"]


def t_dotenv(g: Gen, s: S) -> Draft:
    key = ENV_KEYS.get(s.cls, "API_TOKEN")
    host = g.example_host()
    return _draft(
        "dotenv",
        f"$ cat .env.{g.pick(('production', 'staging', 'local'))}\n",
        "# generated by make bootstrap\n",
        K("APP_HOST"),
        "=",
        K(host),
        "\n",
        _env_line(g, key, s),
        K("LOG_LEVEL"),
        "=info\n",
        K("FEATURE_FLAGS_URL"),
        "=https://",
        K(g.example_host()),
        "/flags\n",
    )


def t_ci_env_dump(g: Gen, s: S) -> Draft:
    key = {"npm-token": "NODE_AUTH_TOKEN", "pypi-token": "PYPI_API_TOKEN"}.get(
        s.cls, ENV_KEYS.get(s.cls, "API_KEY")
    )
    run = g.uuid()
    return _draft(
        "ci-env-dump",
        "Run env | sort\n",
        "CI=true\n",
        K("GITHUB_RUN_ID"),
        f"={g.digits(10)}\n",
        K("GITHUB_SHA"),
        "=",
        K(g.sha()),
        "\n",
        K(key),
        "=",
        s,
        "\n",
        "RUNNER_TRACKING_ID=",
        K(run),
        "\n",
    )


def t_vendor_cli(g: Gen, s: S) -> Draft:
    """What each vendor's own CLI prints or takes."""
    c = s.cls
    if c == "github-classic-token" or c == "github-fine-grained-token":
        lines: list[Piece] = [
            "$ echo ",
            s,
            " | gh auth login --with-token\n",
            "$ gh auth status\n",
            "github.com\n  ✓ Logged in to github.com account build-bot (keyring)\n  - Token: ",
            K(s.text[:4] + "*" * 36),
            "\n",
        ]
    elif c == "gitlab-token":
        lines = [
            '$ curl --header "PRIVATE-TOKEN: ',
            s,
            '" "https://',
            K("gitlab.example.com"),
            f'/api/v4/projects/{g.num(10, 900)}/pipelines?ref=main"\n',
            f'[{{"id":{g.digits(9)},"sha":"',
            K(g.sha()),
            '","status":"failed"}]\n',
        ]
    elif c == "slack-token":
        lines = [
            "$ curl -s -X POST https://slack.com/api/chat.postMessage \\\n",
            '    -H "Authorization: Bearer ',
            s,
            '" \\\n    -d channel=',
            K("C04DEPLOYS"),
            " -d text='nightly dbt run finished'\n",
            '{"ok":true,"channel":"C04DEPLOYS","ts":"',
            K(f"{g.digits(10)}.{g.digits(6)}"),
            '"}\n',
        ]
    elif c == "stripe-secret-key":
        lines = [
            "$ stripe payouts list --limit 2 --api-key ",
            s,
            "\n",
            '{\n  "object": "list",\n  "data": [\n    {\n      "id": "',
            K(f"po_{g.mixed(ALNUM, 24)}"),
            '",\n      "amount": ',
            K(str(g.num(10000, 9000000))),
            ',\n      "currency": "eur",\n      "arrival_date": 1781308800\n    }\n  ]\n}\n',
        ]
    elif c == "stripe-webhook-secret":
        lines = [
            "$ stripe listen --forward-to ",
            K("localhost:4242/webhooks/stripe"),
            "\n> Ready! You are using Stripe API Version [",
            K("2025-09-30.clover"),
            "]. Your webhook signing secret is ",
            s,
            " (^C to quit)\n",
            f"{g.date()} 10:14:07   --> ",
            K("payout.paid"),
            " [",
            K(f"evt_{g.mixed(ALNUM, 24)}"),
            "]\n",
        ]
    elif c == "aws-access-key":
        lines = [
            "$ aws configure list\n      Name                    Value             Type    Location\n",
            "   profile                ",
            K("analytics"),
            "           manual    --profile\n",
            "access_key     ",
            K("****************" + s.text[-4:]),
            " shared-credentials-file\n",
            "$ aws configure set aws_access_key_id ",
            s,
            " --profile analytics\n",
        ]
    elif c == "openai-key" or c == "anthropic-key":
        endpoint = (
            "api.openai.com/v1/chat/completions" if c == "openai-key" else "api.anthropic.com/v1/messages"
        )
        header = "Authorization: Bearer " if c == "openai-key" else "x-api-key: "
        lines = [
            f"$ curl https://{endpoint} \\\n",
            f'  -H "{header}',
            s,
            '" \\\n  -H "content-type: application/json" \\\n',
            "  -d @prompts/summarise_ticket.json\n",
            '{"error":{"type":"rate_limit_error","request_id":"',
            K(f"req_{g.mixed(ALNUM, 24)}"),
            '"}}\n',
        ]
    elif c == "npm-token":
        lines = [
            "$ cat .npmrc\n",
            K("registry=https://registry.npmjs.org/"),
            "\n//registry.npmjs.org/:_authToken=",
            s,
            "\n",
            K("@harbor:registry=https://npm.pkg.example.com/"),
            "\n",
        ]
    elif c == "pypi-token":
        lines = [
            "$ cat .pypirc\n[distutils]\nindex-servers = pypi\n\n[pypi]\n",
            K("username = __token__"),
            "\npassword = ",
            s,
            "\n",
        ]
    elif c == "huggingface-token":
        lines = [
            "In [3]: from huggingface_hub import login\n",
            'In [4]: login(token="',
            s,
            '")\n',
            "Token is valid (permission: ",
            K("fineGrained"),
            ").\nYour token has been saved to ",
            K("/opt/hf-cache/token"),
            "\n",
        ]
    elif c == "digitalocean-token":
        lines = [
            "$ doctl auth init --context ",
            K("staging"),
            " --access-token ",
            s,
            "\nValidating token... ✔\n$ doctl kubernetes cluster list\nID                                      Name\n",
            K(g.uuid()),
            "    ",
            K("shop-k8s-ams3"),
            "\n",
        ]
    elif c == "vault-token":
        lines = [
            "$ vault login -method=oidc role=deploy\n",
            "Success! You are now authenticated.\n\nKey                  Value\n---                  -----\n",
            "token                ",
            s,
            "\ntoken_accessor       ",
            K(g.mixed(ALNUM, 24)),
            "\ntoken_duration       ",
            K("768h"),
            '\ntoken_policies       ["default" "payments-ro"]\n',
        ]
    elif c == "databricks-token":
        lines = [
            "$ cat .databrickscfg\n[DEFAULT]\n",
            K("host"),
            " = https://",
            K("dbc-analytics.cloud.example.com"),
            "\n",
            K("token"),
            " = ",
            s,
            "\n",
        ]
    elif c == "grafana-token":
        lines = [
            "$ grafana-cli --homepath ",
            K("/usr/share/grafana"),
            " admin reset-admin-password --help\n",
            '$ curl -H "Authorization: Bearer ',
            s,
            '" https://',
            K("grafana.example.net"),
            "/api/dashboards/uid/",
            K(g.mixed(ALNUM, 9)),
            "\n",
        ]
    elif c == "twilio-api-key":
        lines = [
            "$ twilio profiles:add --profile support-sms\n",
            "? The Account SID for your Twilio Account: ",
            K("AC" + "x" * 32),
            "\n? Your API Key: ",
            s,
            "\n? Your API Secret: ",
            K("[hidden]"),
            "\nSaved support-sms.\n",
        ]
    elif c == "google-api-key":
        lines = [
            "    <meta-data\n",
            '        android:name="',
            K("com.google.android.geo.API_KEY"),
            '"\n        android:value="',
            s,
            '" />\n',
        ]
    else:
        key = {
            "postman-key": "X-Api-Key",
            "linear-key": "Authorization",
            "sendgrid-key": "Authorization",
        }.get(c, "X-Api-Key")
        host = {
            "postman-key": "api.getpostman.com",
            "linear-key": "api.linear.app",
            "sendgrid-key": "api.sendgrid.com",
        }.get(c, "api.vendor.io")
        scheme = "Bearer " if c == "sendgrid-key" else ""
        lines = [
            f"$ curl -sS https://{host}/ -H '",
            K(key),
            f": {scheme}",
            s,
            "'\n",
            '{"requestId":"',
            K(g.uuid()),
            '","status":200}\n',
        ]
    return _draft("vendor-cli", lines)


def t_unity_or_xcode(g: Gen, s: S) -> Draft:
    """A game or mobile project's checked-in config."""
    style = g.num(0, 2)
    if style == 0:
        return _draft(
            "unity-asset",
            "%YAML 1.1\n%TAG !u! tag:unity3d.com,2011:\n--- !u!114 &11400000\nMonoBehaviour:\n",
            "  m_Name: ",
            K("BackendSettings"),
            "\n  m_EditorClassIdentifier: \n  apiBaseUrl: https://",
            K(g.example_host()),
            "\n  ",
            K("serviceApiKey"),
            ": ",
            s,
            "\n  buildVersion: ",
            K(g.version()),
            "\n",
        )
    if style == 1:
        return _draft(
            "xcode-plist",
            '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n',
            "\t<key>",
            K("CFBundleShortVersionString"),
            "</key>\n\t<string>",
            K(g.version()),
            "</string>\n\t<key>",
            K("BackendAPIKey"),
            "</key>\n\t<string>",
            s,
            "</string>\n</dict>\n</plist>\n",
        )
    return _draft(
        "gradle-properties",
        "# gradle.properties\norg.gradle.jvmargs=-Xmx4g\n",
        K("android.useAndroidX"),
        "=true\n",
        K("releaseApiToken"),
        "=",
        s,
        "\n",
        K("versionName"),
        "=",
        K(g.version()),
        "\n",
    )


def t_airflow_connection(g: Gen, s: S) -> Draft:
    conn = g.pick(("stripe_default", "slack_alerts", "warehouse_api", "vendor_sync"))
    return _draft(
        "airflow-log",
        f"[{g.date()}, 02:00:14 UTC] {{taskinstance.py:1157}} INFO - Dependencies all met for ",
        K(f"<TaskInstance: nightly_sync.load_payouts scheduled__{g.date()}T02:00:00+00:00 [queued]>"),
        "\n$ airflow connections get ",
        K(conn),
        " -o json\n",
        '[{"conn_id": "',
        K(conn),
        '", "conn_type": "http", "host": "',
        K(g.example_host()),
        '", "password": "',
        s,
        '", "port": null}]\n',
    )


def t_k8s_secret(g: Gen, s: S) -> Draft:
    key = g.pick(("api-token", "webhook-secret", "client-secret", "password"))
    return _draft(
        "k8s-secret",
        "$ kubectl get secret ",
        K("payments-credentials"),
        " -n ",
        K("checkout"),
        " -o yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: payments-credentials\n  uid: ",
        K(g.uuid()),
        "\nstringData:\n  ",
        K(key),
        ": ",
        s,
        "\ntype: Opaque\n",
    )


def t_queue_payload(g: Gen, s: S) -> Draft:
    field = g.pick(("apiToken", "secret", "access_token", "signingSecret"))
    return _draft(
        "queue-payload",
        f"$ kafka-console-consumer --bootstrap-server {g.example_host()}:9092 --topic ",
        K("integrations.connected"),
        " --from-beginning --max-messages 1\n",
        '{"eventId":"',
        K(g.uuid()),
        '","tenant":"',
        K(f"tn_{g.digits(6)}"),
        f'","{field}":"',
        s,
        '","connectedAt":"',
        K(g.date() + "T08:31:55Z"),
        '"}\nProcessed a total of 1 messages\n',
    )


# The vendor's own CLI or file is listed thrice: it is where each vendor's token is most often printed.
VENDOR_TEMPLATES: tuple[Template, ...] = (
    t_dotenv,
    t_vendor_cli,
    t_vendor_cli,
    t_vendor_cli,
    t_ci_env_dump,
    t_unity_or_xcode,
    t_airflow_connection,
    t_k8s_secret,
    t_queue_payload,
)


def t_aws_secret(g: Gen, s: S) -> Draft:
    key_id = "AKIA" + g.chars(BASE32, 16)
    style = g.num(0, 2)
    if style == 0:
        return _draft(
            "aws-credentials",
            "$ cat ~/.aws/credentials\n[",
            K("data-lake"),
            "]\n",
            K("aws_access_key_id"),
            " = ",
            S(key_id, "aws-access-key"),
            "\n",
            K("aws_secret_access_key"),
            " = ",
            s,
            "\n",
            K("region"),
            " = eu-west-1\n",
        )
    if style == 1:
        return _draft(
            "notebook",
            'In [7]: s3 = boto3.client("s3", aws_access_key_id="',
            S(key_id, "aws-access-key"),
            '",\n   ...:     aws_secret_access_key="',
            s,
            '")\nIn [8]: s3.list_objects_v2(Bucket="',
            K("raw-events-eu"),
            '", Prefix="',
            K(f"dt={g.date()}/"),
            '")["KeyCount"]\nOut[8]: 412\n',
        )
    return _draft(
        "terraform-tfvars",
        "# terraform.tfvars (do not commit)\n",
        K("aws_region"),
        ' = "eu-central-1"\n',
        K("aws_secret_key"),
        ' = "',
        s,
        '"\n',
        K("bucket_name"),
        ' = "',
        K("tidepool-dbt-artifacts"),
        '"\n',
    )


def t_jwt(g: Gen, s: S) -> Draft:
    style = g.num(0, 2)
    if style == 0:
        return _draft(
            "har",
            '      "request": {\n        "method": "GET",\n        "url": "https://',
            K(g.example_host()),
            '/v1/patients?page=2",\n        "headers": [\n',
            '          { "name": "',
            K("authorization"),
            '", "value": "Bearer ',
            s,
            '" },\n          { "name": "x-request-id", "value": "',
            K(g.uuid()),
            '" }\n        ]\n      },\n',
        )
    if style == 1:
        return _draft(
            "devtools-storage",
            "> localStorage.getItem('",
            K("auth.accessToken"),
            "')\n< '",
            s,
            "'\n> navigator.userAgent\n< 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)'\n",
        )
    return _draft(
        "graphql-curl",
        "$ curl -s https://",
        K(g.example_host()),
        "/graphql -H 'Authorization: Bearer ",
        s,
        '\' -d \'{"query":"{ viewer { id orders(first: 3) { totalCount } } }"}\'\n',
        '{"data":{"viewer":{"id":"',
        K(g.uuid()),
        '","orders":{"totalCount":17}}}}\n',
    )


def t_pem(g: Gen, s: S) -> Draft:
    style = g.num(0, 2)
    pub = g.public_key()
    if style == 0:
        return _draft(
            "runbook",
            "## Break-glass access to the bastion\n\nAdd the public key ",
            K(pub),
            " to `authorized_keys`, then save this key as `",
            K("/etc/ops/bastion_ed25519"),
            "` (mode 0600):\n\n",
            s,
            "\n\nThen `ssh -i /etc/ops/bastion_ed25519 ops@",
            K(g.example_host()),
            "`.\n",
        )
    if style == 1:
        return _draft(
            "terraform-state",
            '    "tls_private_key": {\n      "algorithm": "RSA",\n      "private_key_pem": ',
            "<<EOT\n",
            s,
            "\nEOT\n",
            '      "public_key_fingerprint_sha256": "',
            K("SHA256:" + _b64url(g.rng.randbytes(32))),
            '"\n',
        )
    return _draft(
        "cat-key",
        "$ cat ",
        K("/srv/apns/AuthKey.p8"),
        "\n",
        s,
        "\n$ sha256sum /srv/apns/AuthKey.p8\n",
        K(g.sha256()),
        "  /srv/apns/AuthKey.p8\n",
    )


def t_password(g: Gen, s: S) -> Draft:
    style = g.num(0, 3)
    if style == 0:
        return _draft(
            "dbt-profiles",
            "$ cat profiles.yml\n",
            K("analytics"),
            ":\n  target: prod\n  outputs:\n    prod:\n      type: postgres\n      host: ",
            K(g.example_host()),
            "\n      user: dbt_runner\n      ",
            K("password"),
            ": ",
            s,
            "\n      port: 5432\n      dbname: ",
            K("warehouse"),
            "\n      threads: 8\n",
        )
    if style == 1:
        return _draft(
            "spring-properties",
            K("spring.datasource.url"),
            "=jdbc:postgresql://",
            K(g.example_host()),
            ":5432/clinic\n",
            K("spring.datasource.username"),
            "=clinic_app\n",
            K("spring.datasource.password"),
            "=",
            s,
            "\n",
            K("spring.jpa.hibernate.ddl-auto"),
            "=validate\n",
        )
    if style == 2:
        return _draft(
            "docker-compose",
            "services:\n  db:\n    image: ",
            K("postgres:16.4"),
            "\n    environment:\n      ",
            K("POSTGRES_PASSWORD"),
            ": ",
            s,
            "\n      POSTGRES_DB: ",
            K("orders"),
            "\n",
        )
    return _draft(
        "mysql-cli",
        "$ mysql -h ",
        K(g.example_host()),
        " -u reporting --password=",
        s,
        " -e 'SELECT COUNT(*) FROM leads'\n",
        "mysql: [Warning] Using a password on the command line interface can be insecure.\n+----------+\n",
        "| COUNT(*) |\n+----------+\n|    ",
        K("48213"),
        " |\n+----------+\n",
    )


def t_url_password(g: Gen, s: S) -> Draft:
    user = g.pick(("app", "etl", "sync_worker", "admin"))
    host = g.example_host()
    style = g.num(0, 3)
    if style == 0:
        return _draft(
            "sqlalchemy-url",
            'engine = create_engine("postgresql+psycopg://',
            user,
            ":",
            s,
            "@",
            K(host),
            ':5432/analytics", pool_pre_ping=True)\n',
        )
    if style == 1:
        return _draft(
            "celery-config",
            K("CELERY_BROKER_URL"),
            "=amqp://",
            user,
            ":",
            s,
            "@",
            K(host),
            ":5672/",
            K("orders-vhost"),
            "\n",
        )
    if style == 2:
        return _draft(
            "ecto-config",
            'config :shop, Shop.Repo,\n  url: "ecto://',
            user,
            ":",
            s,
            "@",
            K(host),
            '/shop_prod",\n  pool_size: 10\n',
        )
    return _draft(
        "redis-url",
        "$ redis-cli -u redis://default:",
        s,
        "@",
        K(host),
        ":6379/0 INFO keyspace\n# Keyspace\n",
        K("db0:keys=18234,expires=1200,avg_ttl=3591201"),
        "\n",
    )


def t_auth_header(g: Gen, s: S) -> Draft:
    style = g.num(0, 2)
    if style == 0:
        return _draft(
            "har-header",
            '{ "name": "',
            K("X-Api-Key"),
            '", "value": "',
            s,
            '" },\n{ "name": "',
            K("X-Request-Id"),
            '", "value": "',
            K(g.uuid()),
            '" },\n',
        )
    if style == 1:
        return _draft(
            "http-trace",
            "> GET /v2/invoices?status=open HTTP/1.1\n> Host: ",
            K(g.example_host()),
            "\n> Authorization: Token ",
            s,
            "\n> Accept: application/vnd.api+json\n< HTTP/1.1 200 OK\n< X-Request-Id: ",
            K(g.uuid()),
            "\n",
        )
    return _draft(
        "httpie",
        "$ http POST https://",
        K(g.example_host()),
        "/api/leads/import ",
        K("Authorization"),
        ":'Bearer ",
        s,
        "' file@",
        K("exports/leads-q3.csv"),
        "\nHTTP/1.1 202 Accepted\n",
    )


def t_cookie(g: Gen, s: S) -> Draft:
    name = g.pick(("sessionid", "_shop_session", "connect.sid", "laravel_session", "JSESSIONID"))
    style = g.num(0, 1)
    if style == 0:
        return _draft(
            "curl-verbose",
            "< HTTP/2 302\n< location: /dashboard\n< set-cookie: ",
            K(name),
            "=",
            s,
            "; Path=/; HttpOnly; Secure; SameSite=Lax\n< x-request-id: ",
            K(g.uuid()),
            "\n",
        )
    return _draft(
        "har-cookie",
        '"cookies": [\n  { "name": "',
        K(name),
        '", "value": "',
        s,
        '", "httpOnly": true },\n  { "name": "theme", "value": "',
        K("dark"),
        '" }\n],\n',
    )


def t_oauth_secret(g: Gen, s: S) -> Draft:
    client = g.uuid()
    style = g.num(0, 2)
    if style == 0:
        return _draft(
            "oauth-json",
            '{\n  "web": {\n    "client_id": "',
            K(
                f"{g.digits(12)}-{g.chars(string.ascii_lowercase + string.digits, 32)}.apps.googleusercontent.com"
            ),
            '",\n    "',
            K("client_secret"),
            '": "',
            s,
            '",\n    "redirect_uris": ["https://',
            K(g.example_host()),
            '/oauth/callback"]\n  }\n}\n',
        )
    if style == 1:
        return _draft(
            "azure-cli",
            "$ az ad app credential reset --id ",
            K(client),
            ' --append\n{\n  "appId": "',
            K(client),
            '",\n  "password": "',
            s,
            '",\n  "tenant": "',
            K(g.uuid()),
            '"\n}\n',
        )
    return _draft(
        "keycloak-token",
        "$ curl -s -X POST https://",
        K(g.example_host()),
        "/realms/crm/protocol/openid-connect/token -d grant_type=client_credentials -d client_id=",
        K("crm-sync"),
        " -d client_secret=",
        s,
        "\n",
    )


def t_refresh(g: Gen, s: S) -> Draft:
    style = g.num(0, 1)
    if style == 0:
        return _draft(
            "token-response",
            '{\n  "access_token": "',
            K("[masked]"),
            '",\n  "expires_in": 3599,\n  "',
            K("refresh_token"),
            '": "',
            s,
            '",\n  "scope": "',
            K("https://www.googleapis.com/auth/calendar.readonly"),
            '",\n  "token_type": "Bearer"\n}\n',
        )
    return _draft(
        "rclone-conf",
        "[",
        K("gdrive-exports"),
        ']\ntype = drive\nscope = drive.file\ntoken = {"access_token":"',
        K("<redacted>"),
        '","token_type":"Bearer","refresh_token":"',
        s,
        '","expiry":"',
        K(g.date() + "T11:02:44Z"),
        '"}\n',
    )


def t_webhook_secret(g: Gen, s: S) -> Draft:
    style = g.num(0, 2)
    if style == 0:
        return _draft(
            "shopify-toml",
            "# shopify.app.toml\n",
            K("client_id"),
            ' = "',
            K(g.chars(HEX, 32)),
            '"\n[webhooks]\n',
            K("api_version"),
            ' = "2025-07"\n',
            K("webhook_secret"),
            ' = "',
            s,
            '"\n',
        )
    if style == 1:
        return _draft(
            "github-webhook-api",
            "$ gh api repos/",
            K("harbor/ledgerline"),
            "/hooks -f name=web -f 'config[url]=https://",
            K(g.example_host()),
            "/hooks/github' -f 'config[secret]=",
            s,
            '\'\n{\n  "id": ',
            K(g.digits(9)),
            ',\n  "active": true\n}\n',
        )
    return _draft(
        "slack-app-yaml",
        K("SLACK_SIGNING_SECRET"),
        ": ",
        s,
        "\n",
        K("SLACK_APP_ID"),
        ": ",
        K("A0" + g.chars(string.ascii_uppercase + string.digits, 9)),
        "\n",
    )


def t_runbook_password(g: Gen, s: S) -> Draft:
    host = g.example_host()
    style = g.num(0, 2)
    if style == 0:
        return _draft(
            "postmortem",
            "## Timeline (UTC)\n- 03:12 pager fired: replication lag on ",
            K(host),
            "\n- 03:20 on-call logged in with `PGPASSWORD=",
            s,
            " psql -h ",
            K(host),
            " -U replicator`\n- 03:41 failover completed; incident ",
            K(f"INC-{g.num(1000, 9999)}"),
            " closed\n",
        )
    if style == 1:
        return _draft(
            "runbook",
            "### Restart the POS sync box\n1. `sshpass -p '",
            s,
            "' ssh ops@",
            K(g.doc_ip()),
            "`\n2. `sudo systemctl restart pos-sync`\n3. Check `",
            K("/var/log/pos-sync/sync.log"),
            "`\n",
        )
    return _draft(
        "support-chat",
        "[09:14] agent: the root password for the staging MariaDB is ",
        s,
        " - rotate it after the migration\n[09:15] dev: thanks, running ",
        K(f"migrate_{g.digits(8)}"),
        " now\n",
    )


def t_person_record(g: Gen, s: S) -> Draft:
    """A record whose structure holds an e-mail, phone, SSN, card or IBAN."""
    given, family = g.person()
    c = s.cls
    style = g.num(0, 3)
    column = {"phone": "phone", "ssn": "ssn", "card-number": "card_number", "iban": "iban"}.get(c, "")
    email = s if c == "email" else g.email_for(given, family)
    if style == 0:
        name = s if c == "person-name" else S(f"{given} {family}", "person-name")
        return _draft(
            "crm-csv",
            f"$ head -3 exports/leads_{g.date()}.csv\n",
            "id,name,email,created_at" + (f",{column}" if column else ""),
            "\n",
            K(g.uuid()),
            ",",
            name,
            ",",
            email,
            ",",
            K(g.date()),
            [",", s] if column else [],
            "\n",
            K(g.uuid()),
            ",",
            K("Pending Import"),
            ",",
            K("noreply@example.com"),
            ",",
            K(g.date()),
            "\n",
        )
    if style == 1:
        return _draft(
            "sequelize-log",
            "Executing (default): INSERT INTO `customers` (`id`,`first_name`,`last_name`,`email`",
            f",`{column}`" if column else "",
            ",`createdAt`) VALUES (",
            K(g.uuid()),
            ",'",
            S(given, "person-name"),
            "','",
            S(family, "person-name"),
            "','",
            email,
            "'",
            [",'", s, "'"] if column else [],
            ",'",
            K(g.date() + " 10:11:12.000 +00:00"),
            "');\n",
        )
    if style == 2:
        key = {"phone": "phone", "ssn": "ssn", "card-number": "cardNumber", "iban": "iban"}.get(c, "")
        return _draft(
            "jsonapi",
            '{"data":{"type":"patients","id":"',
            K(g.uuid()),
            '","attributes":{"fullName":"',
            S(f"{given} {family}", "person-name") if c != "person-name" else s,
            '","email":"',
            email,
            '"',
            [f',"{key}":"', s, '"'] if key else [],
            ',"dateOfBirth":"',
            K(f"19{g.num(50, 99)}-{g.num(1, 12):02d}-{g.num(1, 28):02d}"),
            '","mrn":"',
            K(f"MRN-{g.digits(7)}"),
            '"}}}\n',
        )
    tel: Piece = s if c == "phone" else g.phone()
    lines: list[Piece] = [
        "BEGIN:VCARD\nVERSION:4.0\nFN:",
        s if c == "person-name" else S(f"{given} {family}", "person-name"),
        f"\nN:{family};{given};;;\nEMAIL;TYPE=work:",
        email,
        "\nTEL;TYPE=cell:",
        tel,
        "\n",
    ]
    if c in ("ssn", "card-number", "iban"):
        lines += ["NOTE:", {"ssn": "SSN ", "card-number": "card ", "iban": "IBAN "}[c], s, "\n"]
    lines += ["UID:urn:uuid:", K(g.uuid()), "\nEND:VCARD\n"]
    return _draft("vcard", lines)


def t_email(g: Gen, s: S) -> Draft:
    given, family = g.person()
    style = g.num(0, 3)
    if style == 0:
        return _draft(
            "eml",
            "Return-Path: <",
            K("bounce@mailer.example.net"),
            ">\nMessage-ID: <",
            K(f"{g.uuid()}@mail.example.net"),
            ">\nFrom: ",
            S(f"{given} {family}", "person-name"),
            " <",
            s,
            ">\nTo: ",
            K("support@example.com"),
            "\nSubject: Refund for ",
            K(g.order()),
            "\nDate: Tue, 14 Apr 2026 09:31:07 +0200\n",
        )
    if style == 1:
        return _draft(
            "ics",
            "BEGIN:VEVENT\nUID:",
            K(g.uuid()),
            "\nDTSTART:20260415T130000Z\nSUMMARY:",
            K("Quarterly payout review"),
            "\nORGANIZER:mailto:",
            s,
            "\nATTENDEE;ROLE=REQ-PARTICIPANT:mailto:",
            K("finance-ops@example.org"),
            "\nEND:VEVENT\n",
        )
    if style == 2:
        return _draft(
            "git-log",
            "commit ",
            K(g.sha()),
            "\nAuthor: ",
            S(f"{given} {family}", "person-name"),
            " <",
            s,
            ">\nDate:   Mon Apr 13 17:02:11 2026 +0200\n\n    Fix rounding of payout fees\n\n    Signed-off-by: ",
            S(f"{given} {family}", "person-name"),
            " <",
            s,
            ">\n",
        )
    return _draft(
        "ldif",
        "dn: uid=",
        K(f"{given[0].lower()}{family.lower()}"),
        ",ou=people,dc=",
        K("corp"),
        ",dc=example\nobjectClass: inetOrgPerson\ncn: ",
        S(f"{given} {family}", "person-name"),
        "\nmail: ",
        s,
        "\nemployeeNumber: ",
        K(g.digits(6)),
        "\n",
    )


def t_phone(g: Gen, s: S) -> Draft:
    style = g.num(0, 2)
    if style == 0:
        return _draft(
            "support-ticket",
            "Ticket ",
            K(f"#{g.num(10000, 99999)}"),
            " (priority: high)\n> Hi, my order ",
            K(g.order()),
            " never arrived. Please call me back on ",
            s,
            " after 5pm.\n",
        )
    if style == 1:
        return _draft(
            "sms-payload",
            '{"MessagingServiceSid":"',
            K("MG" + "0" * 32),
            '","To":"',
            s,
            '","Body":"Your appointment is confirmed for ',
            K(g.date()),
            '","Status":"queued"}\n',
        )
    return _draft(
        "activerecord-log",
        '  Lead Update (0.9ms)  UPDATE "leads" SET "phone" = $1, "updated_at" = $2 WHERE "leads"."id" = $3  ',
        '[["phone", "',
        s,
        '"], ["updated_at", "',
        K(g.date() + " 08:12:09.441201"),
        '"], ["id", ',
        K(str(g.num(1000, 99999))),
        "]]\n",
    )


def t_ssn(g: Gen, s: S) -> Draft:
    style = g.num(0, 2)
    if style == 0:
        return _draft(
            "w2-text",
            "Form W-2 Wage and Tax Statement ",
            K("2025"),
            "\na Employee's social security number\n",
            s,
            "\nb Employer identification number (EIN)\n",
            K(f"{g.num(10, 99)}-{g.digits(7)}"),
            "\n1 Wages, tips, other compensation\n",
            K(g.amount()),
            "\n",
        )
    if style == 1:
        return _draft(
            "hibernate-log",
            "Hibernate: insert into employee (hire_date, ssn, department_id, id) values (?, ?, ?, ?)\n",
            "TRACE BasicBinder - binding parameter [1] as [DATE] - [",
            K(g.date()),
            "]\nTRACE BasicBinder - binding parameter [2] as [VARCHAR] - [",
            s,
            "]\nTRACE BasicBinder - binding parameter [3] as [BIGINT] - [",
            K(str(g.num(10, 99))),
            "]\n",
        )
    return _draft(
        "hr-tsv",
        "employee_id\tdepartment\tssn\tstart_date\n",
        K(f"E{g.digits(5)}"),
        "\t",
        K("Logistics"),
        "\t",
        s,
        "\t",
        K(g.date()),
        "\n",
    )


def t_card(g: Gen, s: S) -> Draft:
    style = g.num(0, 2)
    if style == 0:
        return _draft(
            "support-chat",
            "customer: it keeps declining, the card is ",
            s,
            " exp 09/28\nagent: thanks - I see the decline on ",
            K(g.order()),
            " for ",
            K(f"EUR {g.amount()}"),
            "\n",
        )
    if style == 1:
        return _draft(
            "webhook-log",
            f"{g.date()}T12:00:03Z WARN legacy gateway echoed raw PAN: ",
            '{"payment":{"card":{"number":"',
            s,
            '","brand":"visa"},"amount":',
            K(str(g.num(100, 90000))),
            ',"currency":"usd","id":"',
            K(f"pay_{g.mixed(ALNUM, 20)}"),
            '"}}\n',
        )
    return _draft(
        "gorm-log",
        f"{g.date()} 14:02:11 ",
        K("/app/internal/billing/store.go:88"),
        "\n[2.311ms] [rows:1] INSERT INTO `payment_methods` (`customer_id`,`card_number`,`exp`) VALUES (",
        K(str(g.num(1000, 99999))),
        ",'",
        s,
        "','11/29')\n",
    )


def t_iban(g: Gen, s: S) -> Draft:
    style = g.num(0, 2)
    if style == 0:
        return _draft(
            "iso20022",
            "<CdtTrfTxInf>\n  <PmtId><EndToEndId>",
            K(g.order()),
            '</EndToEndId></PmtId>\n  <Amt><InstdAmt Ccy="EUR">',
            K(g.amount()),
            "</InstdAmt></Amt>\n  <CdtrAcct><Id><IBAN>",
            s,
            "</IBAN></Id></CdtrAcct>\n  <RmtInf><Ustrd>",
            K("Payout week 15"),
            "</Ustrd></RmtInf>\n</CdtTrfTxInf>\n",
        )
    if style == 1:
        return _draft(
            "payout-csv",
            "payout_id,seller_id,iban,amount,currency\n",
            K(f"po_{g.digits(8)}"),
            ",",
            K(f"slr_{g.digits(5)}"),
            ",",
            s,
            ",",
            K(g.amount()),
            ",EUR\n",
        )
    return _draft(
        "invoice-text",
        "INVOICE ",
        K(g.order()),
        "\nTotal due: ",
        K(f"{g.amount()} EUR"),
        "\nPlease transfer to IBAN: ",
        s,
        "  BIC: ",
        K("COBADEFFXXX"),
        "\n",
    )


def t_person_name(g: Gen, s: S) -> Draft:
    style = g.num(0, 3)
    if style == 0:
        return _draft(
            "git-config",
            "$ git config user.name\n",
            s,
            "\n$ git rev-parse HEAD\n",
            K(g.sha()),
            "\n",
        )
    if style == 1:
        return _draft(
            "prisma-log",
            'prisma:query INSERT INTO "public"."Employee" ("id","fullName","department") VALUES ($1,$2,$3)\n',
            "prisma:query params [",
            K(f'"{g.uuid()}"'),
            ',"',
            s,
            '","',
            K("Warehouse"),
            '"]\n',
        )
    if style == 2:
        return _draft(
            "ecto-log",
            '[debug] QUERY OK source="patients" db=1.4ms\n',
            'INSERT INTO "patients" ("patient_name","ward","inserted_at") VALUES ($1,$2,$3) RETURNING "id" [',
            '"',
            s,
            '", "',
            K("B-4"),
            '", ~N[',
            K(g.date() + " 07:45:10"),
            "]]\n",
        )
    return _draft(
        "data-frame",
        ">>> df[['customer_name', 'plan', 'mrr']].head(2)\n",
        "   customer_name      plan     mrr\n0  ",
        s,
        "  ",
        K("Growth"),
        "  ",
        K("249.00"),
        "\n1  ",
        S(" ".join(g.person()), "person-name"),
        "  ",
        K("Starter"),
        "   ",
        K("49.00"),
        "\n",
    )


GENERIC_TEMPLATES: dict[str, tuple[Template, ...]] = {
    "aws-secret-key": (t_aws_secret, t_dotenv),
    "jwt": (t_jwt,),
    "private-key": (t_pem,),
    "password": (t_password, t_dotenv, t_k8s_secret),
    "url-password": (t_url_password,),
    "auth-header-token": (t_auth_header,),
    "session-cookie": (t_cookie,),
    "oauth-client-secret": (t_oauth_secret, t_dotenv),
    "refresh-token": (t_refresh, t_dotenv),
    "webhook-secret": (t_webhook_secret, t_dotenv),
    "runbook-password": (t_runbook_password,),
    "email": (t_email, t_person_record),
    "phone": (t_phone, t_person_record),
    "ssn": (t_ssn, t_person_record),
    "card-number": (t_card, t_person_record),
    "iban": (t_iban, t_person_record),
    "person-name": (t_person_name, t_person_record),
}


def templates_for(cls: str) -> tuple[Template, ...]:
    return GENERIC_TEMPLATES.get(cls, VENDOR_TEMPLATES)


# --- look-alike documents ----------------------------------------------------------------------------------


def lookalike(g: Gen) -> Draft:
    style = g.num(0, 5)
    if style == 0:
        return _draft(
            "stripe-test-readme",
            "Use the test card ",
            K(g.pick(("4242 4242 4242 4242", "4000 0566 5566 5556", "5555 5555 5555 4444"))),
            " with any future expiry, and set ",
            K("STRIPE_SECRET_KEY"),
            "=",
            K("<your-stripe-secret-key>"),
            " in `.env`.\nWebhook secret: ",
            K("${STRIPE_WEBHOOK_SECRET}"),
            "\n",
        )
    if style == 1:
        return _draft(
            "aws-docs-config",
            "[default]\n",
            K("aws_access_key_id"),
            " = ",
            K("AKIA" + "IOSFODNN7" + "EXAMPLE"),
            "\n",
            K("aws_secret_access_key"),
            " = ",
            K("<secret-access-key>"),
            "\n",
            K("region"),
            " = us-east-1\n",
        )
    if style == 2:
        return _draft(
            "mail-headers-example",
            "From: ",
            K("noreply@example.com"),
            "\nTo: ",
            K("qa-team@example.org"),
            "\nReply-To: ",
            K("git@github.com"),
            "\nX-Mailer: ",
            K("shop-notify " + g.version()),
            "\nMessage-ID: <",
            K(g.uuid()),
            "@example.net>\n",
        )
    if style == 3:
        return _draft(
            "masked-settings",
            K("DATABASE_PASSWORD"),
            "=",
            K("changeme"),
            "\n",
            K("GITHUB_TOKEN"),
            "=",
            K("ghp_" + "x" * 36),
            "\n",
            K("OPENAI_API_KEY"),
            "=",
            K("sk-..."),
            "\nPAYOUT_IBAN=",
            K(g.iban_text(valid=False)),
            "\nlast4 ",
            K("**** **** **** " + g.chars(string.digits, 4)),
            "\n",
        )
    if style == 4:
        return _draft(
            "dbt-run-log",
            f"{g.date()} 02:01:17  Running with dbt=",
            K(g.version()),
            "\n02:01:19  Found ",
            K("142 models"),
            ", 88 tests\n02:03:40  1 of 142 OK created sql table model ",
            K("analytics.fct_payouts"),
            " [SELECT 40211 in 3.12s]\n02:03:41  artifacts written to ",
            K("/opt/dbt/target/run_results.json"),
            "\n",
        )
    return _draft(
        "docker-pull",
        "$ docker pull ",
        K(f"ghcr.io/harbor/ledgerline:{g.version()}"),
        "\nDigest: sha256:",
        K(g.sha256()),
        "\nStatus: Downloaded newer image\n$ curl -s http://",
        K(g.doc_ip()),
        ":8080/healthz\n",
        K('{"status":"ok","commit":"' + g.sha()[:12] + '"}'),
        "\n",
    )


def context_line(g: Gen) -> Draft:
    """Ordinary text around the main piece, which must survive."""
    style = g.num(0, 5)
    if style == 0:
        return _draft("", "request_id=", K(g.uuid()), " took ", K(f"{g.num(3, 900)}ms"), "\n")
    if style == 1:
        return _draft("", f"Working in {g.home()}/{g.project()} on commit ", K(g.sha()), "\n")
    if style == 2:
        return _draft("", "Checking ", K(f"/srv/{g.project()}/config/settings.yml"), " ...\n")
    if style == 3:
        return _draft("", "Order ", K(g.order()), " total ", K(f"USD {g.amount()}"), "\n")
    if style == 4:
        return _draft("", "image digest sha256:", K(g.sha256()), "\n")
    return _draft("", "upstream ", K(g.doc_ip()), " healthy; release ", K("v" + g.version()), "\n")


# --- deliveries --------------------------------------------------------------------------------------------


@attrs.frozen
class Rendered:
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def _render(
    raw: str, header: str, footer: str, before: Callable[[int], str], escape: Callable[[str], str]
) -> Rendered:
    """Applies a delivery char by char, keeping where each raw character's output begins and ends."""
    out = [header]
    size = len(header)
    starts: list[int] = []
    ends: list[int] = []
    line = 0
    for index, char in enumerate(raw):
        if index == 0 or raw[index - 1] == "\n":
            prefix = before(line)
            out.append(prefix)
            size += len(prefix)
            line += 1
        starts.append(size)
        piece = escape(char)
        out.append(piece)
        size += len(piece)
        ends.append(size)
    out.append(footer)
    return Rendered("".join(out), tuple(starts), tuple(ends))


def plain(char: str) -> str:
    return char


def nothing(line: int) -> str:
    return ""


def deliver(g: Gen, raw: str, delivery: str) -> Rendered:
    if delivery == "json-transcript":
        head = json.dumps({"type": "user", "uuid": g.uuid()})[:-1]
        return _render(
            raw,
            head + ', "tool_result": {"tool_use_id": "toolu_' + g.mixed(ALNUM, 24) + '", "content": "',
            '"}}',
            nothing,
            lambda c: json.dumps(c, ensure_ascii=False)[1:-1],
        )
    if delivery == "diff":
        path = g.pick(("ops/notes.md", "config/settings.txt", "fixtures/sample.log", "docs/incident.md"))
        lines = raw.count("\n")
        return _render(
            raw, f"diff --git a/{path} b/{path}\n--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{lines} @@\n", "",
            lambda n: "+", plain,
        )  # fmt: skip
    if delivery == "numbered":
        first = g.num(1, 400)
        arrow = g.rng.random() < 0.6
        return _render(
            raw, "", "", (lambda n: f"{first + n:>6}→") if arrow else (lambda n: f"{first + n}\t"), plain
        )
    if delivery == "ci-log":
        base = g.num(0, 3000)
        fraction = g.digits(7)
        return _render(
            raw, "", "",
            lambda n: f"2026-03-14T09:{(base + n) // 60 % 60:02d}:{(base + n) % 60:02d}.{fraction}Z ", plain,
        )  # fmt: skip
    if delivery == "fence":
        return _render(raw, "Here is what the command printed:\n\n```text\n", "```\n", nothing, plain)
    return _render(raw, "", "", nothing, plain)


# --- assembly ----------------------------------------------------------------------------------------------


def _assemble(g: Gen, drafts: Sequence[Draft], kind: str, delivery: str) -> Document:
    raw = ""
    marks: list[tuple[int, int, S | K]] = []
    for draft in drafts:
        for piece in draft.pieces:
            if isinstance(piece, str):
                raw += piece
            else:
                marks.append((len(raw), len(raw) + len(piece.text), piece))
                raw += piece.text
    rendered = deliver(g, raw, delivery)
    secrets: list[Span] = []
    keeps: list[Span] = []
    for start, end, piece in marks:
        a, b = rendered.starts[start], rendered.ends[end - 1]
        span = Span(a, b, rendered.text[a:b], piece.cls if isinstance(piece, S) else "")
        (secrets if isinstance(piece, S) else keeps).append(span)
    secret_texts = [s.text for s in secrets]
    keeps = [k for k in keeps if not any(k.text in t or t in k.text for t in secret_texts)]
    return Document(rendered.text, kind, delivery, tuple(secrets), tuple(keeps))


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    g = Gen(random.Random(seed))
    lookalike_slots = set(g.rng.sample(range(DOCUMENTS), LOOKALIKE_DOCUMENTS))
    values = {**VENDOR_VALUES, **GENERIC_VALUES}
    docs: list[Document] = []
    turn = 0
    for index in range(DOCUMENTS):
        delivery = DELIVERIES[g.num(0, len(DELIVERIES) - 1)]
        if index in lookalike_slots:
            main = lookalike(g)
        else:
            cls = CLASSES[turn % len(CLASSES)].name
            turn += 1
            secret = S(values[cls](g), cls)
            main = g.rng.choice(templates_for(cls))(g, secret)
        drafts = [main]
        if g.rng.random() < 0.5:
            drafts.insert(0, context_line(g))
        if g.rng.random() < 0.4:
            drafts.append(context_line(g))
        docs.append(_assemble(g, drafts, main.kind, delivery))
    return docs


def corpus_digest(seed: int = DEFAULT_SEED) -> str:
    digest = hashlib.sha256()
    for doc in build_corpus(seed):
        digest.update(json.dumps(attrs.asdict(doc), sort_keys=True).encode())
    return digest.hexdigest()


# --- measuring ---------------------------------------------------------------------------------------------


def _fragment_survives(doc: Document, secret: Span, out: str) -> bool:
    """Whether an 8-character window of the secret, found nowhere else in the document, is in the output."""
    elsewhere = doc.text.replace(secret.text, "\x00")
    for i in range(len(secret.text) - 7):
        window = secret.text[i : i + 8]
        if window not in elsewhere and window in out:
            return True
    return False


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def measure_documents(docs: Sequence[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    secrets = removed = clean = vendor = vendor_removed = spans = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        for secret in doc.secrets:
            gone = secret.text not in out
            secrets += 1
            removed += gone
            clean += gone and not _fragment_survives(doc, secret, out)
            if secret.cls in VENDOR_CLASSES:
                vendor += 1
                vendor_removed += gone
        for keep in doc.keeps:
            spans += 1
            kept += out.count(keep.text) >= doc.text.count(keep.text)
    return {
        "secrets": float(secrets),
        "recall": _ratio(removed, secrets),
        "recall_no_fragment": _ratio(clean, secrets),
        "vendor_prefix_recall": _ratio(vendor_removed, vendor),
        "keep_rate": _ratio(kept, spans),
        "spans": float(spans),
    }


def measure_held_back() -> dict[str, float]:
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda text: scrub_text(text).text)
